package io.github.kubesignin.ui;

import io.github.kubesignin.app.AppContext;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.session.CachedToken;
import io.github.kubesignin.token.DecodedJwt;
import io.github.kubesignin.token.JwtDecoder;
import io.github.kubesignin.ui.common.BackgroundWork;
import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What every view shares: the profiles, the selected one, and who is signed in with it. The profile file and the
 * token cache are small local files, so they are read directly; nothing here touches the network or keychain.
 */
public final class AppModel {
    /** Who is signed in with a profile and until when. */
    public record Session(String profile, String identity, Instant issued, Instant expiry) {
    }

    private final AppContext app;
    private final BackgroundWork work;
    private final ObservableList<Profile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<Profile> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Session> session = new SimpleObjectProperty<>();
    private final javafx.beans.property.StringProperty problem = new javafx.beans.property.SimpleStringProperty("");

    public AppModel(AppContext app, BackgroundWork work) {
        this.app = app;
        this.work = work;
        selected.addListener((obs, old, now) -> refreshSession());
    }

    public AppContext app() {
        return app;
    }

    public BackgroundWork work() {
        return work;
    }

    public ObservableList<Profile> profiles() {
        return profiles;
    }

    public ObjectProperty<Profile> selectedProperty() {
        return selected;
    }

    public Optional<Profile> selected() {
        return Optional.ofNullable(selected.get());
    }

    /** A problem every page should see, such as an unreadable profiles file; empty when there is none. */
    public javafx.beans.property.StringProperty problemProperty() {
        return problem;
    }

    public ObjectProperty<Session> sessionProperty() {
        return session;
    }

    /** Re-reads the profile file, keeping the selection by name when the profile still exists. */
    public void reloadProfiles() {
        String keep = selected.get() == null ? null : selected.get().name();
        try {
            profiles.setAll(app.profileStore().list());
            problem.set("");
        } catch (RuntimeException unreadable) {
            // a malformed profiles file is refused with its line and reason; the window shows that and keeps working
            profiles.clear();
            problem.set(io.github.kubesignin.ui.common.ErrorText.of(unreadable));
        }
        select(keep);
    }

    /** Selects a profile by name; null or an unknown name selects nothing. */
    public void select(String name) {
        Profile match = name == null ? null : profiles.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
        Profile before = selected.get();
        selected.set(match);
        if (java.util.Objects.equals(before, match)) {
            refreshSession(); // no change event, but the cache may have changed
        }
    }

    /** Reads the selected profile's cached token again, e.g. after a sign-in or sign-out. */
    public void refreshSession() {
        Profile profile = selected.get();
        if (profile == null) {
            session.set(null);
            return;
        }
        Optional<CachedToken> cached;
        try {
            cached = app.sessions().cached(profile.name());
        } catch (RuntimeException unreadable) {
            cached = Optional.empty(); // an unreadable cache only means: not signed in
        }
        session.set(cached.map(token -> sessionOf(profile, token)).orElse(null));
    }

    private static Session sessionOf(Profile profile, CachedToken token) {
        try {
            DecodedJwt jwt = JwtDecoder.decode(token.idToken());
            return new Session(profile.name(), jwt.stringClaim(profile.usernameClaim()).orElse("(no '" + profile.usernameClaim() + "' claim)"), jwt.instantClaim("iat").orElse(null),
                    token.expiry());
        } catch (RuntimeException malformed) {
            return new Session(profile.name(), "(unreadable token)", null, token.expiry());
        }
    }

    public Instant now() {
        return app.clock().instant();
    }
}
