package io.github.kubesignin.ui.status;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The strip at the bottom of the window; it only binds. */
public final class StatusBar extends HBox {
    public StatusBar(StatusBarViewModel viewModel) {
        super(10);
        getStyleClass().add("status-bar");
        setPadding(new Insets(4, 10, 4, 10));
        setAlignment(Pos.CENTER_LEFT);
        Label profile = label("status-profile", viewModel);
        profile.textProperty().bind(viewModel.profileProperty());
        Label identity = label("status-identity", viewModel);
        identity.textProperty().bind(viewModel.identityProperty());
        Label countdown = label("status-countdown", viewModel);
        countdown.textProperty().bind(viewModel.countdownProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(profile, new Separator(Orientation.VERTICAL), identity, spacer, countdown);
        setStyle("-fx-border-color: -color-border-default transparent transparent transparent;");
    }

    private static Label label(String id, StatusBarViewModel viewModel) {
        Label label = new Label();
        label.setId(id);
        return label;
    }
}
