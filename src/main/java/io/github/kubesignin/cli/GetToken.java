package io.github.kubesignin.cli;

import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.SignInMethod;
import io.github.kubesignin.session.CachedToken;
import io.github.kubesignin.session.SessionService;
import io.github.kubesignin.session.SignInRequiredException;
import io.github.kubesignin.session.TokenCache;

/**
 * The kubectl credential plugin: exactly one ExecCredential on stdout, everything else on stderr. With a valid
 * cached token it touches neither the keychain nor the network; see {@link SessionService#currentToken}.
 */
final class GetToken {
    private final CliEnvironment env;

    GetToken(CliEnvironment env) {
        this.env = env;
    }

    int print(String profileName) {
        // run by hand, without kubectl's variable: ask on the terminal if there is one
        ExecInfo info = ExecInfo.from(env.app().environment().get("KUBERNETES_EXEC_INFO"), true);
        SessionService sessions = env.app().sessions();
        CachedToken token;
        try {
            token = sessions.currentToken(profileName);
        } catch (SignInRequiredException e) {
            if (!info.interactive()) {
                throw e; // never a browser tab or a prompt that nobody sees: the message says to run login
            }
            Profile profile = env.app().profileStore().get(profileName);
            token = profile.signInMethod() == SignInMethod.PASSWORD
                    ? signInOnTheTerminal(sessions, profile, e)
                    : signInWithTheProfilesFlow(sessions, profile, e);
        }
        TokenCache cache = env.app().tokenCache();
        String credential = info.apiVersion().equals(ExecInfo.V1)
                ? cache.readyExecCredential(profileName, token).orElse(TokenCache.execCredentialJson(token, ExecInfo.V1))
                : TokenCache.execCredentialJson(token, info.apiVersion());
        env.out().print(credential);
        env.out().flush();
        return 0;
    }

    /**
     * kubectl said a person is at the terminal: the browser or device sign-in, with everything said on stderr. Only
     * when the terminal can really be reached, so that a background tool never opens a browser tab.
     */
    private CachedToken signInWithTheProfilesFlow(SessionService sessions, Profile profile, SignInRequiredException why) {
        if (!env.terminal().isInteractive()) {
            throw why;
        }
        env.err().println("kubesignin: profile '" + profile.name() + "' needs a new sign-in at " + profile.issuer());
        new LoginFlows(env).signIn(profile, profile.signInMethod(), true, LoginFlows.DEFAULT_TIMEOUT)
                .sessionWarning().ifPresent(w -> env.err().println("warning: " + w));
        return sessions.cached(profile.name()).orElseThrow(() -> why);
    }

    /** kubectl said a person is at the terminal: ask there (not on stdout, which kubectl reads). */
    private CachedToken signInOnTheTerminal(SessionService sessions, Profile profile, SignInRequiredException why) {
        String context = "kubesignin: profile '" + profile.name() + "' needs a new sign-in at " + profile.issuer() + "\n";
        String user = profile.usernameIfAny()
                .or(() -> env.terminal().readLine(context + "Username: ").filter(u -> !u.isBlank()))
                .orElseThrow(() -> why);
        char[] password = env.terminal().readPassword(profile.usernameIfAny().isPresent() ? context + "Password for " + user + ": "
                : "Password for " + user + ": ").orElseThrow(() -> why);
        sessions.login(profile, user, password, false).sessionWarning().ifPresent(w -> env.err().println("warning: " + w));
        return sessions.cached(profile.name()).orElseThrow(() -> why);
    }
}
