package io.github.kubesignin.cli;

import io.github.kubesignin.cluster.ApiServerOidc;
import io.github.kubesignin.cluster.Verdict;
import io.github.kubesignin.oidc.TokenSet;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.SignInMethod;
import io.github.kubesignin.session.SignedIn;
import io.github.kubesignin.token.DecodedJwt;
import io.github.kubesignin.token.HumanTime;
import io.github.kubesignin.token.JwtDecoder;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Sign in with the profile's method and show who the token says you are:",
                "password (the OAuth2 password grant), browser (authorization code with PKCE on http://127.0.0.1:PORT/callback)",
                "or device (a code entered on any device, RFC 8628)."})
final class LoginCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Option(names = "--profile", required = true, paramLabel = "NAME")
    String profileName;

    @Option(names = "--username", paramLabel = "U", description = "Username (default: the profile's, else asked on the terminal).")
    String username;

    @Option(names = "--password-stdin", description = "Read the password from standard input instead of asking on the terminal.")
    boolean passwordStdin;

    @Option(names = "--remember-password", description = "Keep the password in the OS keychain, to renew without asking when the issuer gives no refresh token.")
    boolean rememberPassword;

    @Option(names = "--method", paramLabel = "password|browser|device", description = "Sign in this way instead of the profile's method.")
    String method;

    @Option(names = "--no-browser", description = "Browser sign-in: only print the address to open, do not start a browser.")
    boolean noBrowser;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Browser sign-in: how long to wait for the browser (default: 300).")
    Integer timeoutSeconds;

    LoginCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        Profile profile = env.app().profileStore().get(profileName);
        SignInMethod chosen = chosenMethod(profile);
        if (chosen != SignInMethod.PASSWORD) {
            if (passwordStdin || rememberPassword || username != null) {
                throw new UserError("--username, --password-stdin and --remember-password are for the password method, not "
                        + chosen.word());
            }
            if (timeoutSeconds != null && timeoutSeconds <= 0) {
                throw new UserError("--timeout must be a positive number of seconds");
            }
            Duration timeout = timeoutSeconds == null ? LoginFlows.DEFAULT_TIMEOUT : Duration.ofSeconds(timeoutSeconds);
            report(profile, new LoginFlows(env).signIn(profile, chosen, !noBrowser, timeout));
            return 0;
        }
        String user = username != null ? username : profile.usernameIfAny().orElseGet(this::askUsername);
        char[] password = passwordStdin
                ? StdinReader.firstLine(env.stdin(), "password").toCharArray()
                : env.terminal().readPassword("Password for " + user + " at " + profile.issuer() + ": ")
                        .orElseThrow(() -> new UserError("no terminal to ask for the password: use --password-stdin"));
        SignedIn signedIn = env.app().sessions().login(profile, user, password, rememberPassword);
        report(profile, signedIn);
        return 0;
    }

    private SignInMethod chosenMethod(Profile profile) {
        if (method == null) {
            return profile.signInMethod();
        }
        try {
            return SignInMethod.fromWord(method);
        } catch (IllegalArgumentException e) {
            throw new UserError("--method: " + e.getMessage());
        }
    }

    private String askUsername() {
        return env.terminal().readLine("Username: ").filter(u -> !u.isBlank())
                .orElseThrow(() -> new UserError("no username: give --username or set one in the profile"));
    }

    private void report(Profile profile, SignedIn signedIn) {
        TokenSet tokens = signedIn.tokens();
        DecodedJwt jwt = JwtDecoder.decode(tokens.idToken());
        Instant now = env.app().clock().instant();
        List<String> groups = jwt.stringsClaim(profile.groupsClaim());
        env.out().println("Signed in to '" + profile.name() + "' as "
                + jwt.stringClaim(profile.usernameClaim()).orElse("(no '" + profile.usernameClaim() + "' claim)")
                + " (username claim '" + profile.usernameClaim() + "').");
        env.out().println("  groups:   " + (groups.isEmpty() ? "(none)" : String.join(", ", groups)));
        env.out().println("  expires:  " + HumanTime.local(tokens.idTokenExpiry(), now, env.app().zone())
                + " (" + HumanTime.relative(tokens.idTokenExpiry(), now) + ")");
        env.out().println("  renewal:  " + (signedIn.sessionWarning().isPresent() ? "none (see the warning)"
                : tokens.refreshToken().isPresent() ? "with the refresh token in the OS keychain"
                : rememberPassword ? "with the password remembered in the OS keychain"
                : chosenMethod(profile) == SignInMethod.PASSWORD
                        ? "none: the issuer gave no refresh token (ask for offline_access, or use --remember-password)"
                        : "none: the issuer gave no refresh token (ask for offline_access)"));
        signedIn.sessionWarning().ifPresent(w -> env.err().println("warning: " + w));
        Verdict verdict = Verdict.judge(jwt, ApiServerOidc.of(profile), now);
        verdict.failures().forEach(failure -> env.err().println("warning: the API server would reject this token: "
                + failure.apiServerMessage() + " (" + failure.fix() + ")"));
    }
}
