package io.github.kubesignin.profile;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The non-secret settings for signing in to one issuer as one client. The client secret, if any, lives in the
 * keychain under {@link SecretKeys#clientSecret(String)}.
 *
 * @param name          the profile's name, used on the command line and as part of keychain keys
 * @param issuer        the issuer URL exactly as the API server has it (a trailing slash matters)
 * @param clientId      the OAuth2 client id, also the audience the API server expects
 * @param authentication how the client authenticates at the token endpoint
 * @param scopes        requested scopes; must include {@code openid} to get an id_token
 * @param extraParameters extra token-request parameters, e.g. Auth0's {@code audience}
 * @param usernameClaim the claim the API server takes the username from ({@code --oidc-username-claim})
 * @param groupsClaim   the claim the API server takes groups from ({@code --oidc-groups-claim}), may be empty
 * @param caFile        a PEM file with the issuer's CA, or null for the system trust store
 * @param username      the default username for sign-in, or null
 * @param cluster       the kubeconfig settings last used with this profile
 * @param apiServer     the rest of the API server's OIDC settings (prefixes, audiences, required claims…)
 * @param signIn        how the person signs in: password (the default), browser or device
 */
public record Profile(
        String name,
        URI issuer,
        String clientId,
        ClientAuthentication authentication,
        List<String> scopes,
        Map<String, String> extraParameters,
        String usernameClaim,
        String groupsClaim,
        Path caFile,
        String username,
        ClusterSettings cluster,
        ApiServerSettings apiServer,
        SignInSettings signIn) {

    public static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");
    /** The API server's own default for {@code --oidc-username-claim}. */
    public static final String DEFAULT_USERNAME_CLAIM = "sub";
    public static final String DEFAULT_GROUPS_CLAIM = "groups";

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(authentication, "authentication");
        scopes = List.copyOf(scopes);
        extraParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraParameters));
        usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? DEFAULT_USERNAME_CLAIM : usernameClaim;
        groupsClaim = groupsClaim == null ? "" : groupsClaim;
        cluster = cluster == null ? ClusterSettings.NONE : cluster;
        apiServer = apiServer == null ? ApiServerSettings.NONE : apiServer;
        signIn = signIn == null ? SignInSettings.DEFAULT : signIn;
    }

    /** A profile that signs in with the password grant. */
    public Profile(String name, URI issuer, String clientId, ClientAuthentication authentication, List<String> scopes,
                   Map<String, String> extraParameters, String usernameClaim, String groupsClaim, Path caFile, String username,
                   ClusterSettings cluster, ApiServerSettings apiServer) {
        this(name, issuer, clientId, authentication, scopes, extraParameters, usernameClaim, groupsClaim, caFile, username,
                cluster, apiServer, SignInSettings.DEFAULT);
    }

    /** A profile with the API server's OIDC defaults. */
    public Profile(String name, URI issuer, String clientId, ClientAuthentication authentication, List<String> scopes,
                   Map<String, String> extraParameters, String usernameClaim, String groupsClaim, Path caFile, String username,
                   ClusterSettings cluster) {
        this(name, issuer, clientId, authentication, scopes, extraParameters, usernameClaim, groupsClaim, caFile, username,
                cluster, ApiServerSettings.NONE, SignInSettings.DEFAULT);
    }

    /** A profile with no cluster settings yet. */
    public Profile(String name, URI issuer, String clientId, ClientAuthentication authentication, List<String> scopes,
                   Map<String, String> extraParameters, String usernameClaim, String groupsClaim, Path caFile, String username) {
        this(name, issuer, clientId, authentication, scopes, extraParameters, usernameClaim, groupsClaim, caFile, username,
                ClusterSettings.NONE, ApiServerSettings.NONE, SignInSettings.DEFAULT);
    }

    public Profile withUsername(String newUsername) {
        return new Profile(name, issuer, clientId, authentication, scopes, extraParameters, usernameClaim, groupsClaim,
                caFile, newUsername, cluster, apiServer, signIn);
    }

    public Profile withCluster(ClusterSettings newCluster) {
        return new Profile(name, issuer, clientId, authentication, scopes, extraParameters, usernameClaim, groupsClaim,
                caFile, username, newCluster, apiServer, signIn);
    }

    public Profile withApiServer(ApiServerSettings newApiServer) {
        return new Profile(name, issuer, clientId, authentication, scopes, extraParameters, usernameClaim, groupsClaim,
                caFile, username, cluster, newApiServer, signIn);
    }

    public Profile withSignIn(SignInSettings newSignIn) {
        return new Profile(name, issuer, clientId, authentication, scopes, extraParameters, usernameClaim, groupsClaim,
                caFile, username, cluster, apiServer, newSignIn);
    }

    public SignInMethod signInMethod() {
        return signIn.method();
    }

    public Optional<Path> caFileIfAny() {
        return Optional.ofNullable(caFile);
    }

    public Optional<String> usernameIfAny() {
        return Optional.ofNullable(username).filter(u -> !u.isBlank());
    }
}
