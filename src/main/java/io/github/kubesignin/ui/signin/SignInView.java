package io.github.kubesignin.ui.signin;

import io.github.kubesignin.ui.AppModel;
import io.github.kubesignin.ui.common.Forms;
import io.github.kubesignin.ui.welcome.DemoIssuer;
import io.github.kubesignin.ui.welcome.WelcomeViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Sign in: the form, then a summary of the session. Only binds to {@link SignInViewModel}. */
public final class SignInView extends VBox {
    public SignInView(AppModel model, SignInViewModel viewModel, WelcomeViewModel demo) {
        super(14);
        setId("signin-view");
        setPadding(new Insets(0, 8, 8, 0));
        setMaxWidth(640);

        Label title = new Label();
        title.getStyleClass().add("title-3");
        title.textProperty().bind(Bindings.createStringBinding(() -> model.selected()
                .map(p -> "Sign in to " + p.issuer()).orElse("Sign in: choose a profile first"), model.selectedProperty()));
        title.setWrapText(true);

        GridPane grid = Forms.grid();
        TextField username = new TextField();
        username.setId("username");
        username.textProperty().bindBidirectional(viewModel.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        CheckBox remember = new CheckBox("_Remember password in the OS keychain");
        remember.setId("remember-password");
        remember.selectedProperty().bindBidirectional(viewModel.rememberPasswordProperty());
        Forms.row(grid, 0, "_Username", username, null);
        Forms.row(grid, 1, "_Password", password, null);
        grid.add(remember, 1, 2);
        // the browser and device methods need no password here: the form gives way to what to do elsewhere
        grid.visibleProperty().bind(viewModel.methodProperty().isEqualTo(io.github.kubesignin.profile.SignInMethod.PASSWORD));
        grid.managedProperty().bind(grid.visibleProperty());
        Label methodNote = new Label();
        methodNote.setId("signin-method-note");
        methodNote.setWrapText(true);
        methodNote.textProperty().bind(Bindings.createStringBinding(() -> switch (viewModel.methodProperty().get()) {
            case BROWSER -> "This profile signs in through your browser: Sign in opens the issuer's page.";
            case DEVICE -> "This profile signs in with a code you enter on any device, such as your phone.";
            default -> "";
        }, viewModel.methodProperty()));
        methodNote.visibleProperty().bind(grid.visibleProperty().not());
        methodNote.managedProperty().bind(methodNote.visibleProperty());

        Button signIn = new Button("_Sign in");
        signIn.setId("sign-in");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("accent");
        signIn.disableProperty().bind(viewModel.busyProperty().or(model.selectedProperty().isNull()));
        signIn.setOnAction(event -> viewModel.signIn());
        Button cancel = new Button("_Cancel");
        cancel.setId("cancel-sign-in");
        cancel.visibleProperty().bind(viewModel.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(event -> viewModel.cancel());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Button signOut = new Button("Sign ou_t");
        signOut.setId("sign-out");
        signOut.disableProperty().bind(viewModel.busyProperty().or(viewModel.signedInProperty().not()));
        signOut.setOnAction(event -> viewModel.signOut());
        HBox buttons = new HBox(8, signIn, progress, cancel, signOut);

        Label status = Forms.statusLabel(viewModel.statusProperty());
        Label error = Forms.messageLabel(viewModel.errorProperty());
        error.setId("signin-error");
        Label warning = Forms.messageLabel(Bindings.createStringBinding(() -> viewModel.warningProperty().get().isEmpty()
                ? "" : "warning: " + viewModel.warningProperty().get(), viewModel.warningProperty()));

        getChildren().addAll(title, demoHint(model, demo), grid, methodNote, buttons, new SignInElsewhereView(viewModel), status,
                error, warning, summary(viewModel));
        // focus goes to the first empty field when the view is shown
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(() -> (!grid.isVisible() ? signIn
                        : username.getText().isEmpty() ? username : password).requestFocus());
            }
        });
    }

    /** The demo profile outlives the app, its issuer does not: offer to start it again. */
    private static HBox demoHint(AppModel model, WelcomeViewModel demo) {
        Label text = new Label("The demo issuer is not running in this window: start it here, or sign in as usual if `kubesignin demo` runs in a terminal.");
        text.setWrapText(true);
        Button start = new Button("Start the _demo issuer");
        start.setId("start-demo");
        start.disableProperty().bind(demo.busyProperty());
        start.setOnAction(event -> demo.startDemo(() -> { }));
        start.setMinWidth(Region.USE_PREF_SIZE); // the text wraps, the button keeps its words
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        HBox hint = new HBox(10, text, start);
        hint.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        hint.visibleProperty().bind(Bindings.createBooleanBinding(() -> !demo.demoRunningProperty().get()
                && model.selected().map(p -> p.name().equals(DemoIssuer.PROFILE)).orElse(false),
                demo.demoRunningProperty(), model.selectedProperty()));
        hint.managedProperty().bind(hint.visibleProperty());
        return hint;
    }

    private static VBox summary(SignInViewModel viewModel) {
        GridPane grid = Forms.grid();
        grid.add(new Label("Signed in as"), 0, 0);
        grid.add(bound("summary-identity", viewModel.identityProperty(), "title-4"), 1, 0);
        grid.add(new Label("Groups"), 0, 1);
        grid.add(bound("summary-groups", viewModel.groupsProperty(), null), 1, 1);
        grid.add(new Label("Issued"), 0, 2);
        grid.add(bound("summary-issued", viewModel.issuedProperty(), null), 1, 2);
        grid.add(new Label("Expires"), 0, 3);
        grid.add(bound("summary-expires", viewModel.expiresProperty(), null), 1, 3);
        ProgressBar lifetime = new ProgressBar();
        lifetime.setId("lifetime");
        lifetime.setPrefWidth(320);
        lifetime.progressProperty().bind(viewModel.lifetimeLeftProperty());
        Label countdown = bound("summary-countdown", viewModel.countdownProperty(), "title-4");
        VBox box = new VBox(10, grid, new HBox(12, lifetime, countdown));
        box.getStyleClass().add("card");
        box.setStyle("-fx-border-color: -color-border-default; -fx-border-radius: 6; -fx-background-radius: 6; -fx-padding: 14;");
        box.visibleProperty().bind(viewModel.signedInProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Label bound(String id, javafx.beans.property.StringProperty text, String style) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.setWrapText(true);
        if (style != null) {
            label.getStyleClass().add(style);
        }
        return label;
    }
}
