package io.github.kubesignin.ui.status;

import io.github.kubesignin.token.HumanTime;
import io.github.kubesignin.ui.AppModel;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The status bar's three texts: the selected profile, who is signed in, and the time left on the token. */
public final class StatusBarViewModel {
    private final AppModel model;
    private final ReadOnlyStringWrapper profile = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper identity = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper();

    public StatusBarViewModel(AppModel model) {
        this.model = model;
        model.selectedProperty().addListener((obs, old, now) -> tick(model.now()));
        model.sessionProperty().addListener((obs, old, now) -> tick(model.now()));
        tick(model.now());
    }

    /** Called once a second by the window's timeline. */
    public void tick(Instant now) {
        profile.set(model.selected().map(p -> "Profile: " + p.name()).orElse("No profile selected"));
        AppModel.Session session = model.sessionProperty().get();
        if (session == null) {
            identity.set(model.selected().isPresent() ? "Not signed in" : "");
            countdown.set("");
            return;
        }
        identity.set("Signed in as " + session.identity());
        countdown.set(expiryText(session.expiry(), now));
    }

    /** "expires in 4m 12s" or "expired 3m ago". */
    public static String expiryText(Instant expiry, Instant now) {
        if (expiry.isAfter(now)) {
            return "expires in " + HumanTime.duration(Duration.between(now, expiry));
        }
        return "expired " + HumanTime.duration(Duration.between(expiry, now)) + " ago";
    }

    public ReadOnlyStringProperty profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty identityProperty() {
        return identity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }
}
