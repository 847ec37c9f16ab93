package io.github.kubesignin.ui.reminder;

import io.github.kubesignin.reminder.ReminderSettings;
import io.github.kubesignin.reminder.ReminderSettingsStore;
import io.github.kubesignin.reminder.TrayMenuItem;
import java.time.Duration;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The tray reminder part of the profile form: how long before expiry to remind, and whether to renew silently
 * instead. The same {@code reminders.properties} the tray menu changes; the running tray picks a change up on its
 * next tick.
 */
public final class ReminderSettingsViewModel {
    private final ReminderSettingsStore store;
    private final ObjectProperty<Duration> leadTime = new SimpleObjectProperty<>(ReminderSettings.DEFAULT_LEAD_TIME);
    private final BooleanProperty autoRefresh = new SimpleBooleanProperty();
    private final ObservableList<Duration> leadTimeChoices = FXCollections.observableArrayList();

    public ReminderSettingsViewModel(ReminderSettingsStore store) {
        this.store = store;
        show(ReminderSettings.DEFAULT);
    }

    /** Shows the saved settings of a profile (the defaults for one never saved). */
    public void load(String profile) {
        show(store.settings(profile));
    }

    /** The defaults, for a new profile. */
    public void reset() {
        show(ReminderSettings.DEFAULT);
    }

    /** Saves what the form shows for the profile; called with the profile's own save, off the FX thread. */
    public void save(String profile, ReminderSettings settings) {
        store.save(profile, settings);
    }

    /** What the form shows now, read on the FX thread before the save goes to the background. */
    public ReminderSettings current() {
        return new ReminderSettings(leadTime.get(), autoRefresh.get());
    }

    private void show(ReminderSettings settings) {
        // the menu's choices plus a hand-edited value, so that showing a profile never changes its setting
        TreeSet<Duration> choices = new TreeSet<>(TrayMenuItem.ProfileEntry.LEAD_TIME_CHOICES);
        choices.add(settings.leadTime());
        leadTimeChoices.setAll(choices);
        leadTime.set(settings.leadTime());
        autoRefresh.set(settings.autoRefresh());
    }

    public ObjectProperty<Duration> leadTimeProperty() { return leadTime; }
    public BooleanProperty autoRefreshProperty() { return autoRefresh; }
    public ObservableList<Duration> leadTimeChoices() { return leadTimeChoices; }
}
