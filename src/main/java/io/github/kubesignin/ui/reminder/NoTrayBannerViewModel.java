package io.github.kubesignin.ui.reminder;

import io.github.kubesignin.reminder.ReminderSettings;
import io.github.kubesignin.ui.AppModel;
import io.github.kubesignin.ui.common.ErrorText;
import io.github.kubesignin.ui.status.StatusBarViewModel;
import java.time.Instant;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Where the desktop has no tray, the window itself reminds: a banner with the selected profile's countdown, marked
 * urgent within the reminder lead time, and a Refresh button.
 */
public final class NoTrayBannerViewModel {
    static final String NO_TRAY = "No system tray here: kubesignin reminds you only while this window is open.";

    private final AppModel model;
    private final Function<String, ReminderSettings> settings;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(NO_TRAY);
    private final ReadOnlyBooleanWrapper urgent = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRefresh = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public NoTrayBannerViewModel(AppModel model, Function<String, ReminderSettings> settings) {
        this.model = model;
        this.settings = settings;
        model.sessionProperty().addListener((obs, old, now) -> tick(model.now()));
        tick(model.now());
    }

    /** Called once a second. */
    public void tick(Instant now) {
        AppModel.Session session = model.sessionProperty().get();
        canRefresh.set(session != null && !busy.get());
        if (session == null) {
            text.set(NO_TRAY);
            urgent.set(false);
            return;
        }
        text.set(NO_TRAY + " Profile '" + session.profile() + "' " + StatusBarViewModel.expiryText(session.expiry(), now) + ".");
        urgent.set(!session.expiry().isAfter(now.plus(settings.apply(session.profile()).leadTime())));
    }

    /** Renews the selected profile's token in the background; a failure is shown with its reason. */
    public void refresh() {
        AppModel.Session session = model.sessionProperty().get();
        if (session == null || busy.get()) {
            return;
        }
        busy.set(true);
        canRefresh.set(false);
        problem.set("");
        model.work().start(() -> model.app().sessions().renewNow(session.profile()),
                token -> {
                    busy.set(false);
                    model.refreshSession();
                    tick(model.now());
                },
                failure -> {
                    busy.set(false);
                    problem.set("Could not renew: " + ErrorText.of(failure));
                    tick(model.now());
                });
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty urgentProperty() {
        return urgent.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRefreshProperty() {
        return canRefresh.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
