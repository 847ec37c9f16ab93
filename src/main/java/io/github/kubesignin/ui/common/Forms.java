package io.github.kubesignin.ui.common;

import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Small builders shared by the views: a labelled form row with its inline message. */
public final class Forms {
    private Forms() {
    }

    /**
     * Adds "label | control" to the grid, with the message (if any) under the control; the label's mnemonic
     * focuses the control.
     */
    public static void row(GridPane grid, int row, String mnemonicLabel, Node control, ObservableStringValue message) {
        Label label = new Label(mnemonicLabel);
        label.setMnemonicParsing(true);
        label.setLabelFor(control);
        label.setMinWidth(Label.USE_PREF_SIZE);
        // top-aligned, level with the field's text, so a message under the field does not move the label
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        label.setPadding(new javafx.geometry.Insets(7, 0, 0, 0));
        grid.add(label, 0, row);
        if (message == null) {
            grid.add(control, 1, row);
        } else {
            grid.add(new VBox(2, control, messageLabel(message)), 1, row);
        }
        GridPane.setHgrow(control, Priority.ALWAYS);
    }

    /** A label that shows an inline message and takes no room while empty; warnings are amber, errors red. */
    public static Label messageLabel(ObservableStringValue message) {
        Label label = new Label();
        label.textProperty().bind(message);
        label.setWrapText(true);
        label.managedProperty().bind(label.visibleProperty());
        label.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> message.get() != null && !message.get().isEmpty(), message));
        message.addListener((obs, old, now) -> style(label, now));
        style(label, message.get());
        return label;
    }

    private static void style(Label label, String text) {
        label.getStyleClass().removeAll("danger", "warning");
        label.getStyleClass().add(text != null && text.startsWith("warning") ? "warning" : "danger");
    }

    /** The same look for a status line (muted) bound to a property. */
    public static Label statusLabel(StringProperty text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.setWrapText(true);
        label.getStyleClass().add("text-muted");
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty()); // an empty line must not leave a gap
        return label;
    }

    public static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        return grid;
    }

    /** A text field bound both ways to a view-model property. */
    public static TextField boundField(String id, StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
