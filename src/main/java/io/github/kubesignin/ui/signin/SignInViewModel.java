package io.github.kubesignin.ui.signin;

import io.github.kubesignin.oidc.DeviceAuthorization;
import io.github.kubesignin.oidc.SignInCancellation;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.SignInMethod;
import io.github.kubesignin.qr.QrCode;
import io.github.kubesignin.session.SignedIn;
import io.github.kubesignin.token.DecodedJwt;
import io.github.kubesignin.token.HumanTime;
import io.github.kubesignin.token.JwtDecoder;
import io.github.kubesignin.ui.AppModel;
import io.github.kubesignin.ui.common.BackgroundWork;
import io.github.kubesignin.ui.common.ErrorText;
import io.github.kubesignin.ui.status.StatusBarViewModel;
import java.time.Duration;
import java.time.Instant;
import java.net.URI;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Sign-in with the profile's method through the command line's use cases: username and password through
 * {@code SessionService.login} (the password is taken out of its property before the request starts, so it is never
 * kept longer than the request), or the browser and device sign-ins through {@code SessionService.signIn}, which wait
 * for the person in the background until they finish, time out or are cancelled.
 */
public final class SignInViewModel {
    private final AppModel model;
    private final BackgroundWork work;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty rememberPassword = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty warning = new SimpleStringProperty("");
    private final BooleanProperty signedIn = new SimpleBooleanProperty();
    private final StringProperty identity = new SimpleStringProperty("");
    private final StringProperty groups = new SimpleStringProperty("");
    private final StringProperty issued = new SimpleStringProperty("");
    private final StringProperty expires = new SimpleStringProperty("");
    private final StringProperty countdown = new SimpleStringProperty("");
    private final DoubleProperty lifetimeLeft = new SimpleDoubleProperty();
    private final ObjectProperty<SignInMethod> method = new SimpleObjectProperty<>(SignInMethod.PASSWORD);
    private final BooleanProperty waitingForBrowser = new SimpleBooleanProperty();
    private final StringProperty authorizationUrl = new SimpleStringProperty("");
    private final BooleanProperty waitingForDevice = new SimpleBooleanProperty();
    private final StringProperty userCode = new SimpleStringProperty("");
    private final StringProperty verificationUri = new SimpleStringProperty("");
    private final ObjectProperty<QrCode> qrCode = new SimpleObjectProperty<>();
    private BackgroundWork.Running running;
    private SignInCancellation cancellation;

    public SignInViewModel(AppModel model) {
        this.model = model;
        this.work = model.work();
        model.selectedProperty().addListener((obs, old, now) -> profileChanged(now));
        model.sessionProperty().addListener((obs, old, now) -> showSession());
        profileChanged(model.selectedProperty().get());
    }

    private void profileChanged(Profile profile) {
        if (busy.get()) {
            cancel();
        }
        username.set(profile == null ? "" : profile.usernameIfAny().orElse(""));
        method.set(profile == null ? SignInMethod.PASSWORD : profile.signInMethod());
        password.set("");
        error.set("");
        warning.set("");
        status.set("");
        showSession();
    }

    /** Starts the password grant in the background; the result or the issuer's error arrives on the FX thread. */
    public void signIn() {
        Profile profile = model.selected().orElse(null);
        char[] secret = password.get().toCharArray();
        password.set(""); // cleared as soon as it is taken: the property must not keep it
        error.set("");
        warning.set("");
        if (profile == null) {
            error.set("Choose a profile first (Profiles).");
            return;
        }
        if (profile.signInMethod() != SignInMethod.PASSWORD) {
            java.util.Arrays.fill(secret, '\0');
            signInElsewhere(profile);
            return;
        }
        if (username.get().isBlank() || secret.length == 0) {
            java.util.Arrays.fill(secret, '\0');
            error.set("Enter a username and a password.");
            return;
        }
        String user = username.get().strip();
        boolean remember = rememberPassword.get();
        busy.set(true);
        status.set("Signing in to " + profile.issuer() + " …");
        running = work.start(() -> {
            try {
                return model.app().sessions().login(profile, user, secret, remember);
            } finally {
                // even after Cancel the request may have finished: the status bar must show what is true
                work.fx().execute(model::refreshSession);
            }
        }, result -> {
            busy.set(false);
            status.set("");
            result.sessionWarning().ifPresent(warning::set);
            model.refreshSession();
            showSession();
        }, failure -> {
            busy.set(false);
            status.set("");
            error.set(ErrorText.of(failure));
        });
    }

    /**
     * The browser or device sign-in: the background job waits for the person; what they must do (the page that was
     * opened, or the code to enter) is shown on the FX thread meanwhile.
     */
    private void signInElsewhere(Profile profile) {
        SignInCancellation thisSignIn = new SignInCancellation();
        cancellation = thisSignIn;
        busy.set(true);
        boolean browser = profile.signInMethod() == SignInMethod.BROWSER;
        status.set(browser ? "Continue in your browser …" : "Asking " + profile.issuer() + " for a code …");
        running = work.start(() -> {
            try {
                return model.app().sessions().signIn(profile, (oidc, clientSecret) -> browser
                        ? oidc.signInWithBrowser(profile, clientSecret, url -> work.fx().execute(() -> openBrowser(url)),
                                BROWSER_TIMEOUT, thisSignIn)
                        : awaitDevice(profile, oidc, clientSecret, thisSignIn));
            } finally {
                work.fx().execute(model::refreshSession);
            }
        }, this::signedInElsewhere, failure -> {
            endWaiting();
            error.set(ErrorText.of(failure));
        });
    }

    /** How long the browser sign-in waits for the person. */
    static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(5);

    private io.github.kubesignin.oidc.TokenSet awaitDevice(Profile profile, io.github.kubesignin.oidc.OidcClient oidc,
                                                           java.util.Optional<String> clientSecret, SignInCancellation thisSignIn) {
        DeviceAuthorization started = oidc.startDeviceSignIn(profile, clientSecret, model.app().clock());
        QrCode qr = QrCode.encode(started.bestUri().toString());
        work.fx().execute(() -> showDeviceCode(started, qr));
        return oidc.awaitDeviceSignIn(profile, clientSecret, started, model.app().clock(), thisSignIn.sleeper(), thisSignIn);
    }

    private void openBrowser(URI url) {
        authorizationUrl.set(url.toString());
        waitingForBrowser.set(true);
        boolean opened = model.app().browser().open(url);
        status.set(opened ? "Continue in your browser … (sign in there; this page updates by itself)"
                : "Open the address below in your browser to sign in.");
    }

    private void showDeviceCode(DeviceAuthorization started, QrCode qr) {
        verificationUri.set(started.verificationUri().toString());
        qrCode.set(qr);
        waitingForDevice.set(true);
        userCode.set(started.userCode()); // last: everything it goes with is in place when it shows
        status.set("Enter the code on any device (or scan the QR code) … this page updates by itself.");
    }

    private void signedInElsewhere(SignedIn result) {
        endWaiting();
        result.sessionWarning().ifPresent(warning::set);
        model.refreshSession();
        showSession();
    }

    private void endWaiting() {
        busy.set(false);
        status.set("");
        waitingForBrowser.set(false);
        waitingForDevice.set(false);
        authorizationUrl.set("");
        userCode.set("");
        verificationUri.set("");
        qrCode.set(null);
    }

    /** Signs out: revokes the refresh token where possible and forgets the session (keychain work, so in the background). */
    public void signOut() {
        Profile profile = model.selected().orElse(null);
        if (profile == null) {
            return;
        }
        busy.set(true);
        error.set("");
        status.set("Signing out …");
        running = work.start(() -> model.app().sessions().logout(profile.name()), result -> {
            busy.set(false);
            status.set("Signed out of '" + profile.name() + "'.");
            model.refreshSession();
        }, failure -> {
            busy.set(false);
            status.set("");
            error.set(ErrorText.of(failure));
            model.refreshSession();
        });
    }

    /**
     * Stops waiting: a browser or device sign-in stops at once (the loopback listener closes, polling ends); a
     * password request ends at its timeout and its outcome is dropped.
     */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
        if (cancellation != null) {
            cancellation.cancel();
        }
        endWaiting();
        status.set("Cancelled: no longer waiting for the issuer.");
    }

    private void showSession() {
        AppModel.Session session = model.sessionProperty().get();
        Profile profile = model.selected().orElse(null);
        signedIn.set(session != null && profile != null);
        if (!signedIn.get()) {
            identity.set("");
            groups.set("");
            issued.set("");
            expires.set("");
            countdown.set("");
            lifetimeLeft.set(0);
            return;
        }
        identity.set(session.identity());
        groups.set(groupsOf(profile));
        tick(model.now());
    }

    private String groupsOf(Profile profile) {
        try {
            return model.app().sessions().cached(profile.name()).map(token -> {
                DecodedJwt jwt = JwtDecoder.decode(token.idToken());
                var list = jwt.stringsClaim(profile.groupsClaim());
                return list.isEmpty() ? "(none in '" + profile.groupsClaim() + "')" : String.join(", ", list);
            }).orElse("");
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    /** Moves the countdown and the lifetime bar; called once a second. */
    public void tick(Instant now) {
        AppModel.Session session = model.sessionProperty().get();
        if (session == null) {
            return;
        }
        var zone = model.app().zone();
        issued.set(session.issued() == null ? "" : HumanTime.local(session.issued(), now, zone) + " (" + HumanTime.relative(session.issued(), now) + ")");
        expires.set(HumanTime.local(session.expiry(), now, zone));
        countdown.set(StatusBarViewModel.expiryText(session.expiry(), now));
        if (session.issued() == null || !session.expiry().isAfter(session.issued())) {
            lifetimeLeft.set(session.expiry().isAfter(now) ? 1 : 0);
            return;
        }
        double total = Duration.between(session.issued(), session.expiry()).toMillis();
        double left = Duration.between(now, session.expiry()).toMillis();
        lifetimeLeft.set(Math.max(0, Math.min(1, left / total)));
    }

    public StringProperty usernameProperty() { return username; }
    public StringProperty passwordProperty() { return password; }
    public BooleanProperty rememberPasswordProperty() { return rememberPassword; }
    public BooleanProperty busyProperty() { return busy; }
    public StringProperty statusProperty() { return status; }
    public StringProperty errorProperty() { return error; }
    public StringProperty warningProperty() { return warning; }
    public BooleanProperty signedInProperty() { return signedIn; }
    public StringProperty identityProperty() { return identity; }
    public StringProperty groupsProperty() { return groups; }
    public StringProperty issuedProperty() { return issued; }
    public StringProperty expiresProperty() { return expires; }
    public StringProperty countdownProperty() { return countdown; }
    public DoubleProperty lifetimeLeftProperty() { return lifetimeLeft; }
    public ObjectProperty<SignInMethod> methodProperty() { return method; }
    public BooleanProperty waitingForBrowserProperty() { return waitingForBrowser; }
    public StringProperty authorizationUrlProperty() { return authorizationUrl; }
    public BooleanProperty waitingForDeviceProperty() { return waitingForDevice; }
    public StringProperty userCodeProperty() { return userCode; }
    public StringProperty verificationUriProperty() { return verificationUri; }
    public ObjectProperty<QrCode> qrCodeProperty() { return qrCode; }
}
