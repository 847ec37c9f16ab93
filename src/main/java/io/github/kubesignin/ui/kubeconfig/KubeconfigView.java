package io.github.kubesignin.ui.kubeconfig;

import io.github.kubesignin.kubeconfig.KubeconfigMode;
import io.github.kubesignin.ui.common.Forms;
import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Kubeconfig: target, mode and entry names, the diff preview and the write. Only binds to {@link KubeconfigViewModel}. */
public final class KubeconfigView extends VBox {
    private final KubeconfigViewModel viewModel;

    public KubeconfigView(KubeconfigViewModel viewModel) {
        super(10);
        this.viewModel = viewModel;
        setId("kubeconfig-view");
        setPadding(new Insets(0, 8, 8, 0));
        Label title = new Label("Write to kubeconfig");
        title.getStyleClass().add("title-3");

        GridPane grid = Forms.grid();
        TextField file = Forms.boundField("kubeconfig-file", viewModel.fileProperty(), "~/.kube/config");
        Button browse = new Button("_Browse…");
        browse.setOnAction(event -> chooseFile());
        HBox.setHgrow(file, Priority.ALWAYS);
        Forms.row(grid, 0, "_File", new HBox(6, file, browse), null);

        ToggleGroup modes = new ToggleGroup();
        HBox modeButtons = new HBox(14);
        for (KubeconfigMode mode : KubeconfigMode.values()) {
            RadioButton button = new RadioButton(switch (mode) {
                case EXEC -> "e_xec (kubectl runs kubesignin; no secret in the file)";
                case AUTH_PROVIDER -> "auth-_provider";
                case TOKEN -> "static tok_en";
            });
            button.setId("mode-" + mode.word());
            button.setToggleGroup(modes);
            button.setUserData(mode);
            button.setSelected(viewModel.modeProperty().get() == mode);
            modeButtons.getChildren().add(button);
        }
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.modeProperty().set((KubeconfigMode) now.getUserData());
            }
        });
        viewModel.modeProperty().addListener((obs, old, now) -> modes.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));
        Forms.row(grid, 1, "Mode", modeButtons, viewModel.modeWarningProperty());
        Forms.row(grid, 2, "_User entry", Forms.boundField("kubeconfig-user", viewModel.userProperty(), "the profile's name"), null);
        Forms.row(grid, 3, "_Context", Forms.boundField("kubeconfig-context", viewModel.contextProperty(), "optional: also writes cluster and context"), null);
        Forms.row(grid, 4, "API _server", Forms.boundField("kubeconfig-server", viewModel.serverProperty(), "https://k8s.example.com:6443"), null);
        Forms.row(grid, 5, "Server C_A file", Forms.boundField("kubeconfig-ca", viewModel.certificateAuthorityProperty(), "optional PEM file"), null);
        CheckBox current = new CheckBox("Make it the current co_ntext");
        current.selectedProperty().bindBidirectional(viewModel.setCurrentContextProperty());
        grid.add(current, 1, 6);

        Button preview = new Button("Pre_view changes");
        preview.setId("kubeconfig-preview");
        preview.setOnAction(event -> viewModel.preview());
        Button write = new Button("_Write");
        write.setId("kubeconfig-write");
        write.getStyleClass().add("accent");
        write.setOnAction(event -> viewModel.write());
        preview.disableProperty().bind(viewModel.busyProperty());
        write.disableProperty().bind(viewModel.busyProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(viewModel.busyProperty());
        HBox buttons = new HBox(8, preview, write, progress);

        Label error = Forms.messageLabel(viewModel.errorProperty());
        error.setId("kubeconfig-error");
        Label outcome = new Label();
        outcome.setId("kubeconfig-outcome");
        outcome.setWrapText(true);
        outcome.getStyleClass().add("success");
        outcome.textProperty().bind(viewModel.outcomeProperty());
        outcome.visibleProperty().bind(viewModel.outcomeProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());
        TextArea diff = new TextArea();
        diff.setId("kubeconfig-diff");
        diff.setEditable(false);
        diff.setStyle("-fx-font-family: monospace;");
        diff.setPromptText("Preview shows here exactly what will change (secrets hidden).");
        diff.textProperty().bind(viewModel.diffProperty());
        VBox.setVgrow(diff, Priority.ALWAYS);
        getChildren().addAll(title, grid, buttons, error, outcome, diff);
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Kubeconfig file");
        Path current = Path.of(viewModel.fileProperty().get().isBlank() ? "." : viewModel.fileProperty().get());
        if (current.toAbsolutePath().getParent() != null && current.toAbsolutePath().getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
            chooser.setInitialFileName(current.getFileName().toString());
        }
        // a save dialog, since the file may not exist yet
        File chosen = chooser.showSaveDialog(getScene().getWindow());
        if (chosen != null) {
            viewModel.fileProperty().set(chosen.getAbsolutePath());
        }
    }
}
