package io.github.kubesignin.cli;

import io.github.kubesignin.profile.ApiServerSettings;
import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.SecretKeys;
import io.github.kubesignin.profile.SignInMethod;
import io.github.kubesignin.profile.SignInSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Add a profile, or replace the one with the same name. The client secret goes to the OS keychain.")
final class ProfileAddCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Parameters(index = "0", paramLabel = "NAME", description = "Profile name (letters, digits, '-', '_').")
    String name;

    @Option(names = "--issuer", required = true, paramLabel = "URL", description = "Issuer URL, exactly as the API server's --oidc-issuer-url.")
    String issuer;

    @Option(names = "--client-id", required = true, paramLabel = "ID", description = "OAuth2 client id (the API server's --oidc-client-id).")
    String clientId;

    @Option(names = "--client-secret-stdin", description = "Read the client secret from standard input (one line) and store it in the keychain.")
    boolean clientSecretStdin;

    @Option(names = "--public", description = "A public client: no client secret.")
    boolean publicClient;

    @Option(names = "--auth-method", paramLabel = "basic|post", description = "How to send the client secret (default: basic).")
    String authMethod;

    @Option(names = "--scopes", paramLabel = "\"openid …\"", description = "Scopes to request (default: \"openid email profile\").")
    String scopes;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Extra token-request parameter, e.g. audience=https://api (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--username-claim", paramLabel = "CLAIM", description = "Claim the API server takes the username from (default: sub).")
    String usernameClaim;

    @Option(names = "--groups-claim", paramLabel = "CLAIM", description = "Claim the API server takes groups from (default: groups).")
    String groupsClaim;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "CA certificate(s) of the issuer, if not in the system trust store.")
    Path caFile;

    @Option(names = "--username", paramLabel = "U", description = "Default username for sign-in.")
    String username;

    @Option(names = "--apiserver-issuer-url", paramLabel = "URL",
            description = "The API server's --oidc-issuer-url when it differs from --issuer (default: the issuer).")
    String apiServerIssuerUrl;

    @Option(names = "--audience", paramLabel = "AUD",
            description = "An audience the API server accepts (repeatable; default: the client id).")
    List<String> audiences;

    @Option(names = "--username-prefix", paramLabel = "PREFIX",
            description = "The API server's --oidc-username-prefix; '-' means none (default: ISSUER# unless the claim is email).")
    String usernamePrefix;

    @Option(names = "--groups-prefix", paramLabel = "PREFIX", description = "The API server's --oidc-groups-prefix.")
    String groupsPrefix;

    @Option(names = "--required-claim", paramLabel = "KEY=VALUE", description = "The API server's --oidc-required-claim (repeatable).")
    Map<String, String> requiredClaims;

    @Option(names = "--signing-alg", paramLabel = "ALG", description = "An algorithm the API server accepts (repeatable; default: RS256).")
    List<String> signingAlgs;

    @Option(names = "--sign-in", paramLabel = "password|browser|device",
            description = "How to sign in: the password grant, the system browser (authorization code with PKCE), or a code"
                    + " entered on another device (default: password, or what the profile had).")
    String signIn;

    @Option(names = "--redirect-port", paramLabel = "PORT",
            description = "For --sign-in browser: a fixed port for the redirect URI http://127.0.0.1:PORT/callback, for issuers"
                    + " that need an exact one (default: any free port).")
    Integer redirectPort;

    ProfileAddCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        ClientAuthentication authentication = authentication();
        Optional<String> secret = clientSecretStdin ? Optional.of(StdinReader.firstLine(env.stdin(), "client secret")) : Optional.empty();
        Profile profile = new Profile(name, issuerUri(), clientId, authentication,
                scopes == null ? Profile.DEFAULT_SCOPES : List.of(scopes.trim().split("\\s+")),
                params, usernameClaim, groupsClaim == null ? Profile.DEFAULT_GROUPS_CLAIM : groupsClaim,
                caFile == null ? null : caFile.toAbsolutePath(), username,
                env.app().profileStore().find(name).map(Profile::cluster).orElse(null), // a re-add keeps the cluster settings
                apiServerSettings(), signInSettings());
        List<String> warnings = env.app().profileService().save(profile, secret);
        warnings.forEach(w -> env.err().println("warning: " + w));
        env.out().println("Saved profile '" + name + "' in " + env.app().profileStore().file() + ".");
        if (authentication.needsSecret()) {
            env.out().println("Its client secret is in the OS keychain (service 'kubesignin', key '" + SecretKeys.clientSecret(name) + "').");
        }
        if (profile.signInMethod() == SignInMethod.BROWSER) {
            env.out().println("It signs in through the browser; the issuer must allow the redirect URI http://127.0.0.1:"
                    + (profile.signIn().hasFixedRedirectPort() ? profile.signIn().redirectPort() : "PORT (any port)") + "/callback.");
        }
        env.out().println("Next: kubesignin login --profile " + name);
        return 0;
    }

    /** The flags, else what an existing profile had (a re-add keeps it), else the password grant. */
    private SignInSettings signInSettings() {
        SignInSettings before = env.app().profileStore().find(name).map(Profile::signIn).orElse(SignInSettings.DEFAULT);
        SignInMethod method;
        try {
            method = signIn == null ? before.method() : SignInMethod.fromWord(signIn);
        } catch (IllegalArgumentException e) {
            throw new UserError("--sign-in: " + e.getMessage());
        }
        int port = redirectPort != null ? redirectPort : method == before.method() ? before.redirectPort() : 0;
        return new SignInSettings(method, port);
    }

    private ClientAuthentication authentication() {
        if (publicClient && (clientSecretStdin || authMethod != null)) {
            throw new UserError("--public cannot go with --client-secret-stdin or --auth-method");
        }
        if (publicClient) {
            return ClientAuthentication.PUBLIC;
        }
        if (authMethod != null) {
            return parseAuthMethod(authMethod);
        }
        if (clientSecretStdin) {
            return ClientAuthentication.BASIC;
        }
        // neither: keep what an existing profile has, else a public client
        return env.app().profileStore().find(name).map(Profile::authentication).orElse(ClientAuthentication.PUBLIC);
    }

    private static ClientAuthentication parseAuthMethod(String word) {
        if (word.equalsIgnoreCase("basic") || word.equalsIgnoreCase("post")) {
            return ClientAuthentication.fromWord(word);
        }
        throw new UserError("--auth-method must be basic or post (for a public client use --public)");
    }

    private ApiServerSettings apiServerSettings() {
        URI apiServerIssuer = apiServerIssuerUrl == null ? null : uri("--apiserver-issuer-url", apiServerIssuerUrl);
        return new ApiServerSettings(apiServerIssuer, audiences, usernamePrefix, groupsPrefix, requiredClaims, signingAlgs);
    }

    private URI issuerUri() {
        return uri("--issuer", issuer);
    }

    private static URI uri(String option, String text) {
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new UserError(option + " '" + text + "' is not a URL: " + e.getReason());
        }
    }
}
