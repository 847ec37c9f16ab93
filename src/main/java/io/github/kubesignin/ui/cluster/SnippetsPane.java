package io.github.kubesignin.ui.cluster;

import io.github.kubesignin.cluster.RbacBinding;
import io.github.kubesignin.ui.common.Forms;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The cluster admin's configuration: a format chooser, RBAC's choices, the text read-only with where it goes, and Copy. */
final class SnippetsPane extends VBox {
    SnippetsPane(SnippetsViewModel viewModel) {
        super(8);
        setId("cluster-snippets");
        Label heading = new Label("For the cluster admin");
        heading.getStyleClass().add("title-4");

        ComboBox<SnippetFormat> format = new ComboBox<>(FXCollections.observableArrayList(SnippetFormat.values()));
        format.setId("snippet-format");
        format.valueProperty().bindBidirectional(viewModel.formatProperty());
        GridPane choices = Forms.grid();
        Forms.row(choices, 0, "_Format", format, null);

        GridPane rbac = Forms.grid();
        ToggleGroup kinds = new ToggleGroup();
        RadioButton user = new RadioButton("_User");
        user.setId("rbac-user");
        RadioButton group = new RadioButton("_Group");
        group.setId("rbac-group");
        user.setToggleGroup(kinds);
        group.setToggleGroup(kinds);
        user.setSelected(viewModel.subjectKindProperty().get() == RbacBinding.SubjectKind.User);
        group.setSelected(!user.isSelected());
        kinds.selectedToggleProperty().addListener((obs, old, now) -> viewModel.subjectKindProperty()
                .set(now == group ? RbacBinding.SubjectKind.Group : RbacBinding.SubjectKind.User));
        ComboBox<String> subject = editableCombo("rbac-subject", viewModel.subjectSuggestions());
        subject.valueProperty().bindBidirectional(viewModel.subjectProperty());
        subject.setPromptText("as the cluster names it, prefix included");
        ComboBox<String> role = editableCombo("rbac-role", FXCollections.observableArrayList(SnippetsViewModel.ROLES));
        role.valueProperty().bindBidirectional(viewModel.roleProperty());
        TextField namespace = new TextField();
        namespace.setId("rbac-namespace");
        namespace.setPromptText("empty: a ClusterRoleBinding for every namespace");
        namespace.textProperty().bindBidirectional(viewModel.namespaceProperty());
        Forms.row(rbac, 0, "Bind", new HBox(12, user, group), null);
        Forms.row(rbac, 1, "Sub_ject", subject, null);
        Forms.row(rbac, 2, "_Role", role, null);
        Forms.row(rbac, 3, "_Namespace", namespace, null);
        rbac.visibleProperty().bind(viewModel.formatProperty().isEqualTo(SnippetFormat.RBAC));
        rbac.managedProperty().bind(rbac.visibleProperty());

        Label where = new Label();
        where.setId("snippet-where");
        where.setWrapText(true);
        where.textProperty().bind(Bindings.createStringBinding(() -> viewModel.whereItGoesProperty().get().isEmpty() ? ""
                : "Where it goes: " + viewModel.whereItGoesProperty().get(), viewModel.whereItGoesProperty()));
        TextArea text = new TextArea();
        text.setId("snippet-text");
        text.setEditable(false);
        text.setPrefRowCount(10);
        text.setStyle("-fx-font-family: monospace;");
        text.textProperty().bind(viewModel.textProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        Button copy = new Button("Co_py");
        copy.setId("snippet-copy");
        copy.disableProperty().bind(viewModel.textProperty().isEmpty());
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(viewModel.textProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label notes = new Label();
        notes.setWrapText(true);
        notes.getStyleClass().add("warning");
        notes.textProperty().bind(viewModel.notesProperty());
        notes.visibleProperty().bind(viewModel.notesProperty().isNotEmpty());
        notes.managedProperty().bind(notes.visibleProperty());
        Label error = Forms.messageLabel(viewModel.errorProperty());
        error.setId("snippet-error");

        // Copy sits beside the "where it goes" line, so it stays in view however long the text is
        HBox.setHgrow(where, Priority.ALWAYS);
        where.setMaxWidth(Double.MAX_VALUE);
        HBox whereAndCopy = new HBox(10, where, copy);
        whereAndCopy.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        copy.setMinWidth(Button.USE_PREF_SIZE);
        getChildren().addAll(heading, choices, rbac, whereAndCopy, notes, error, text);
    }

    private static ComboBox<String> editableCombo(String id, javafx.collections.ObservableList<String> items) {
        ComboBox<String> combo = new ComboBox<>(items);
        combo.setId(id);
        combo.setEditable(true);
        combo.setMaxWidth(Double.MAX_VALUE);
        return combo;
    }
}
