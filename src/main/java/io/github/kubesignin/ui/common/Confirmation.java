package io.github.kubesignin.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** Asks the person before something that cannot be undone; tests answer without a dialog. */
@FunctionalInterface
public interface Confirmation {
    boolean confirm(String question, String detail);

    static Confirmation dialog() {
        return (question, detail) -> {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, detail, ButtonType.OK, ButtonType.CANCEL);
            alert.setHeaderText(question);
            alert.setTitle("kubesignin");
            return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
        };
    }
}
