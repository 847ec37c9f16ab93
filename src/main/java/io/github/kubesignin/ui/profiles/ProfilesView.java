package io.github.kubesignin.ui.profiles;

import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.ui.AppModel;
import io.github.kubesignin.ui.common.Confirmation;
import io.github.kubesignin.ui.common.Forms;
import io.github.kubesignin.ui.reminder.ReminderSettingsRows;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** Profiles: the list on the left, the form on the right. Only binds to {@link ProfilesViewModel}. */
public final class ProfilesView extends BorderPane {
    private final ProfilesViewModel viewModel;

    public ProfilesView(AppModel model, ProfilesViewModel viewModel, Confirmation confirmation) {
        this.viewModel = viewModel;
        setId("profiles-view");
        setLeft(profileList(model));
        setCenter(form(confirmation));
    }

    private VBox profileList(AppModel model) {
        ListView<Profile> list = new ListView<>(model.profiles());
        list.setId("profile-list");
        list.setPrefWidth(180);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Profile profile, boolean empty) {
                super.updateItem(profile, empty);
                setText(empty || profile == null ? null : profile.name());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.load(now);
                model.select(now.name());
            }
        });
        // follow the window-wide selection, e.g. after the demo created its profile
        model.selectedProperty().addListener((obs, old, now) -> selectInList(list, now));
        model.profiles().addListener((ListChangeListener<Profile>) change -> selectInList(list, model.selectedProperty().get()));
        selectInList(list, model.selectedProperty().get()); // the profile chosen before the window opened
        Button add = new Button("Ne_w profile");
        add.setId("new-profile");
        add.setMaxWidth(Double.MAX_VALUE);
        add.setOnAction(event -> {
            list.getSelectionModel().clearSelection();
            viewModel.newProfile();
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, new Label("Profiles"), list, add);
        box.getChildren().get(0).getStyleClass().add("title-4");
        box.setPadding(new Insets(0, 16, 0, 0));
        return box;
    }

    private static void selectInList(ListView<Profile> list, Profile profile) {
        if (profile != null && !profile.equals(list.getSelectionModel().getSelectedItem())) {
            list.getSelectionModel().select(profile);
        }
    }

    /** The fields scroll; Save, Discover and their outcome stay in sight below them, whatever the window's height. */
    private VBox form(Confirmation confirmation) {
        GridPane grid = Forms.grid();
        int row = 0;
        Forms.row(grid, row++, "_Name", Forms.boundField("profile-name", viewModel.nameProperty(), "e.g. prod"), viewModel.message(ProfilesViewModel.NAME));
        Forms.row(grid, row++, "_Issuer URL", Forms.boundField("issuer", viewModel.issuerProperty(), "https://idp.example.com/realms/kube"),
                viewModel.message(ProfilesViewModel.ISSUER));
        Forms.row(grid, row++, "C_lient ID", Forms.boundField("client-id", viewModel.clientIdProperty(), "the API server's --oidc-client-id"),
                viewModel.message(ProfilesViewModel.CLIENT_ID));
        ComboBox<ClientAuthentication> auth = new ComboBox<>();
        auth.setId("client-authentication");
        auth.getItems().setAll(ClientAuthentication.PUBLIC, ClientAuthentication.BASIC, ClientAuthentication.POST);
        auth.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClientAuthentication value) {
                return value == null ? "" : switch (value) {
                    case PUBLIC -> "public client (no secret)";
                    case BASIC -> "client_secret_basic";
                    case POST -> "client_secret_post";
                };
            }

            @Override
            public ClientAuthentication fromString(String text) {
                return null;
            }
        });
        auth.valueProperty().bindBidirectional(viewModel.authenticationProperty());
        Forms.row(grid, row++, "Client _authentication", auth, null);
        PasswordField secret = new PasswordField();
        secret.setId("client-secret");
        secret.textProperty().bindBidirectional(viewModel.clientSecretProperty());
        secret.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !viewModel.authenticationProperty().get().needsSecret(), viewModel.authenticationProperty()));
        secret.promptTextProperty().bind(Bindings.createStringBinding(() -> viewModel.editingProperty().get() == null
                ? "stored in the OS keychain" : "empty keeps the one in the keychain", viewModel.editingProperty()));
        Forms.row(grid, row++, "Client s_ecret", secret, viewModel.message(ProfilesViewModel.CLIENT_SECRET));
        Forms.row(grid, row++, "S_copes", Forms.boundField("scopes", viewModel.scopesProperty(), "openid email profile"),
                viewModel.message(ProfilesViewModel.SCOPES));
        Forms.row(grid, row++, "E_xtra parameters", Forms.boundField("extra-parameters", viewModel.extraParametersProperty(),
                "KEY=VALUE, … e.g. audience=https://api"), viewModel.message(ProfilesViewModel.PARAMETERS));
        Forms.row(grid, row++, "_Username claim", Forms.boundField("username-claim", viewModel.usernameClaimProperty(), "sub"), null);
        Forms.row(grid, row++, "_Groups claim", Forms.boundField("groups-claim", viewModel.groupsClaimProperty(), "groups"), null);
        TextField ca = Forms.boundField("ca-file", viewModel.caFileProperty(), "PEM file, if not in the system trust store");
        Button browse = new Button("_Browse…");
        browse.setOnAction(event -> chooseCaFile());
        HBox.setHgrow(ca, Priority.ALWAYS);
        Forms.row(grid, row++, "Issuer CA _file", new HBox(6, ca, browse), viewModel.message(ProfilesViewModel.CA_FILE));
        Forms.row(grid, row++, "Default use_rname", Forms.boundField("default-username", viewModel.usernameProperty(), "optional"), null);
        Forms.row(grid, row++, "Sign-in me_thod", new SignInMethodChooser(viewModel), viewModel.message(ProfilesViewModel.REDIRECT_PORT));
        row = ReminderSettingsRows.add(grid, row, viewModel.reminder());

        Button discover = new Button("_Discover");
        discover.setId("discover");
        discover.setOnAction(event -> viewModel.discover());
        Button save = new Button("_Save");
        save.setId("save-profile");
        save.getStyleClass().add("accent");
        save.setOnAction(event -> viewModel.save());
        Button remove = new Button("Re_move…");
        remove.setId("remove-profile");
        remove.getStyleClass().add("danger");
        remove.disableProperty().bind(viewModel.editingProperty().isNull().or(viewModel.busyProperty()));
        remove.setOnAction(event -> {
            String name = viewModel.editingProperty().get().name();
            if (confirmation.confirm("Remove profile '" + name + "'?",
                    "Its client secret, refresh token and remembered password are deleted from the keychain too.")) {
                viewModel.remove();
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(false);
        cancel.visibleProperty().bind(viewModel.busyProperty());
        cancel.setOnAction(event -> viewModel.cancel());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(viewModel.busyProperty());
        discover.disableProperty().bind(viewModel.busyProperty());
        save.disableProperty().bind(viewModel.busyProperty());
        HBox buttons = new HBox(8, save, discover, remove, progress, cancel);

        Label error = Forms.messageLabel(viewModel.errorProperty());
        error.setId("profile-error");
        Label status = Forms.statusLabel(viewModel.statusProperty());
        status.setId("profile-status");
        TextArea discovery = new TextArea();
        discovery.setId("discovery");
        discovery.setEditable(false);
        discovery.setPrefRowCount(9);
        discovery.setStyle("-fx-font-family: monospace;");
        discovery.textProperty().bind(viewModel.discoveryProperty());
        discovery.visibleProperty().bind(viewModel.discoveryProperty().isNotEmpty());
        discovery.managedProperty().bind(discovery.visibleProperty());
        VBox warnings = new VBox(4);
        warnings.managedProperty().bind(Bindings.isNotEmpty(viewModel.discoveryWarnings()));
        warnings.setId("discovery-warnings");
        viewModel.discoveryWarnings().addListener((ListChangeListener<String>) change -> {
            warnings.getChildren().clear();
            viewModel.discoveryWarnings().forEach(text -> {
                Label warning = new Label("⚠ " + text);
                warning.setWrapText(true);
                warning.getStyleClass().add("warning");
                warnings.getChildren().add(warning);
            });
        });

        Label title = new Label();
        title.getStyleClass().add("title-3");
        title.textProperty().bind(Bindings.createStringBinding(() -> viewModel.editingProperty().get() == null
                ? "New profile" : "Profile " + viewModel.editingProperty().get().name(), viewModel.editingProperty()));
        VBox content = new VBox(12, title, grid, warnings, discovery);
        content.setPadding(new Insets(0, 8, 8, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // the labels hide (and stop taking room) while empty; a hidden node is never in the way of a click
        VBox form = new VBox(10, scroll, buttons, status, error);
        form.setPadding(new Insets(0, 0, 4, 0));
        return form;
    }

    private void chooseCaFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Issuer CA certificate (PEM)");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PEM certificates", "*.pem", "*.crt", "*.cer"),
                new FileChooser.ExtensionFilter("All files", "*"));
        String current = viewModel.caFileProperty().get();
        if (!current.isBlank() && Path.of(current).getParent() != null && Path.of(current).getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(Path.of(current).getParent().toFile());
        }
        File chosen = chooser.showOpenDialog(getScene().getWindow());
        if (chosen != null) {
            viewModel.caFileProperty().set(chosen.getAbsolutePath());
        }
    }
}
