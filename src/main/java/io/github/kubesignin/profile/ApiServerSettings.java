package io.github.kubesignin.profile;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the cluster's API server is set up for OIDC, beyond the username and groups claims the profile already has.
 * Every field may be absent; absent means "what the API server does by default" (see the cluster package).
 *
 * @param issuerUrl      {@code --oidc-issuer-url} when it differs from the profile's issuer, else null
 * @param audiences      the accepted audiences; empty means the profile's client id ({@code --oidc-client-id})
 * @param usernamePrefix {@code --oidc-username-prefix}; null means not set, "-" means no prefix
 * @param groupsPrefix   {@code --oidc-groups-prefix}; null means not set
 * @param requiredClaims {@code --oidc-required-claim} pairs
 * @param signingAlgs    {@code --oidc-signing-algs}; empty means the API server's default, RS256
 */
public record ApiServerSettings(URI issuerUrl, List<String> audiences, String usernamePrefix, String groupsPrefix,
                                Map<String, String> requiredClaims, List<String> signingAlgs) {
    public static final ApiServerSettings NONE = new ApiServerSettings(null, List.of(), null, null, Map.of(), List.of());

    public ApiServerSettings {
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        requiredClaims = requiredClaims == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(requiredClaims));
        signingAlgs = signingAlgs == null ? List.of() : List.copyOf(signingAlgs);
    }

    public Optional<URI> issuerUrlIfAny() {
        return Optional.ofNullable(issuerUrl);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
