package io.github.kubesignin.cli;

import io.github.kubesignin.oidc.DeviceAuthorization;
import io.github.kubesignin.oidc.SignInCancellation;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.SignInMethod;
import io.github.kubesignin.session.SignedIn;
import java.net.URI;
import java.time.Duration;

/**
 * The browser and device sign-ins on a terminal, for {@code login} and for {@code get-token} when kubectl says a
 * person is there. Everything for the person goes to stderr (stdout belongs to kubectl's ExecCredential); the
 * session is stored by {@code SessionService.signIn}, the same way as a password sign-in.
 */
final class LoginFlows {
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final CliEnvironment env;

    LoginFlows(CliEnvironment env) {
        this.env = env;
    }

    SignedIn signIn(Profile profile, SignInMethod method, boolean openBrowser, Duration timeout) {
        return switch (method) {
            case BROWSER -> browser(profile, openBrowser && env.terminal().isInteractive(), timeout);
            case DEVICE -> device(profile);
            case PASSWORD -> throw new IllegalArgumentException("the password sign-in asks on the terminal instead");
        };
    }

    private SignedIn browser(Profile profile, boolean openBrowser, Duration timeout) {
        SignInCancellation cancellation = new SignInCancellation(); // Ctrl+C ends the process and its listener with it
        return env.app().sessions().signIn(profile, (oidc, clientSecret) -> oidc.signInWithBrowser(profile, clientSecret,
                url -> showAuthorizationUrl(profile, url, openBrowser), timeout, cancellation));
    }

    private void showAuthorizationUrl(Profile profile, URI url, boolean openBrowser) {
        boolean opened = openBrowser && env.app().browser().open(url);
        env.err().println(opened
                ? "kubesignin: your browser was opened to sign in to '" + profile.name() + "'. If it did not, open this address:"
                : "kubesignin: to sign in to '" + profile.name() + "', open this address in a browser on this computer:");
        env.err().println("  " + url);
        env.err().println("Waiting for the sign-in to finish in the browser (Ctrl+C cancels) …");
        env.err().flush();
    }

    private SignedIn device(Profile profile) {
        SignInCancellation cancellation = new SignInCancellation();
        return env.app().sessions().signIn(profile, (oidc, clientSecret) -> {
            DeviceAuthorization started = oidc.startDeviceSignIn(profile, clientSecret, env.app().clock());
            showUserCode(profile, started);
            return oidc.awaitDeviceSignIn(profile, clientSecret, started, env.app().clock(), cancellation.sleeper(), cancellation);
        });
    }

    private void showUserCode(Profile profile, DeviceAuthorization started) {
        env.err().println("kubesignin: to sign in to '" + profile.name() + "', open on any device:");
        env.err().println("  " + started.verificationUri());
        env.err().println("and enter the code:");
        env.err().println("  " + started.userCode());
        started.verificationUriComplete().ifPresent(complete ->
                env.err().println("(or open " + complete + " , which has the code filled in)"));
        env.err().println("Waiting for the code to be entered (Ctrl+C cancels) …");
        env.err().flush();
    }
}
