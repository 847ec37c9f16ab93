package io.github.kubesignin.ui.reminder;

import io.github.kubesignin.ui.common.Forms;
import java.time.Duration;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/** The profile form's rows for the tray reminder, bound to a {@link ReminderSettingsViewModel}. */
public final class ReminderSettingsRows {
    private ReminderSettingsRows() {
    }

    /** Adds the rows to the form's grid from {@code row} on; returns the next free row. */
    public static int add(GridPane grid, int row, ReminderSettingsViewModel viewModel) {
        Label heading = new Label("Tray reminder");
        heading.getStyleClass().add("title-4");
        grid.add(heading, 0, row++, 2, 1);

        ComboBox<Duration> leadTime = new ComboBox<>(viewModel.leadTimeChoices());
        leadTime.setId("reminder-lead-time");
        leadTime.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration value) {
                return value == null ? "" : value.toMinutes() + (value.toMinutes() == 1 ? " minute" : " minutes") + " before expiry";
            }

            @Override
            public Duration fromString(String text) {
                return null; // not editable
            }
        });
        leadTime.valueProperty().bindBidirectional(viewModel.leadTimeProperty());
        Forms.row(grid, row++, "W_hen to remind", leadTime, null);

        CheckBox autoRefresh = new CheckBox("Renew aut_omatically instead (a notice only if renewal fails)");
        autoRefresh.setId("reminder-auto-refresh");
        autoRefresh.selectedProperty().bindBidirectional(viewModel.autoRefreshProperty());
        Forms.row(grid, row++, "", autoRefresh, null);
        return row;
    }
}
