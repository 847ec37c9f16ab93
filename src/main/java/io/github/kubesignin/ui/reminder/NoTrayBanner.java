package io.github.kubesignin.ui.reminder;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The banner above the window's content where there is no tray: the countdown and a Refresh button. */
public final class NoTrayBanner extends VBox {
    private static final String CALM = "-fx-background-color: -color-accent-subtle; -fx-padding: 6 12 6 12;";
    private static final String URGENT = "-fx-background-color: -color-warning-subtle; -fx-padding: 6 12 6 12;";

    public NoTrayBanner(NoTrayBannerViewModel viewModel) {
        setId("no-tray-banner");
        Label text = new Label();
        text.setId("no-tray-text");
        text.setWrapText(true);
        text.textProperty().bind(viewModel.textProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinWidth(0); // wrap instead of widening the window
        text.setPrefWidth(200);
        Button refresh = new Button("Refresh now");
        refresh.setId("no-tray-refresh");
        refresh.disableProperty().bind(viewModel.canRefreshProperty().not());
        refresh.setOnAction(event -> viewModel.refresh());
        HBox line = new HBox(12, text, refresh);
        line.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        getChildren().addAll(line, problem);
        setPadding(new Insets(0));
        setMinHeight(USE_PREF_SIZE); // the pages below take the rest, never this
        styleProperty().bind(javafx.beans.binding.Bindings.when(viewModel.urgentProperty()).then(URGENT).otherwise(CALM));
    }
}
