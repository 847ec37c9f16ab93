package io.github.kubesignin.cluster;

import io.github.kubesignin.profile.ApiServerSettings;
import io.github.kubesignin.profile.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API server's OIDC settings for a profile, with the API server's own defaults filled in: issuer URL = the
 * profile's issuer, audiences = the client id, signing algorithms = RS256.
 *
 * @param usernamePrefix as configured: null when not set, "-" for none (see {@link #effectiveUsernamePrefix()})
 * @param groupsPrefix   as configured: null when not set
 * @param caFile         the issuer's CA file, or null for the system trust store
 */
public record ApiServerOidc(String issuerUrl, List<String> audiences, String usernameClaim, String usernamePrefix,
                            String groupsClaim, String groupsPrefix, Map<String, String> requiredClaims,
                            List<String> signingAlgs, Path caFile) {
    public static final List<String> DEFAULT_SIGNING_ALGS = List.of("RS256");

    public static ApiServerOidc of(Profile profile) {
        ApiServerSettings a = profile.apiServer();
        return new ApiServerOidc(
                a.issuerUrlIfAny().orElse(profile.issuer()).toString(),
                a.audiences().isEmpty() ? List.of(profile.clientId()) : a.audiences(),
                profile.usernameClaim(),
                a.usernamePrefix(),
                profile.groupsClaim(),
                a.groupsPrefix(),
                a.requiredClaims(),
                a.signingAlgs().isEmpty() ? DEFAULT_SIGNING_ALGS : a.signingAlgs(),
                profile.caFile());
    }

    /**
     * The prefix the API server really puts before the username, as kube-apiserver's flag handling does: an unset (or
     * empty) prefix becomes {@code ISSUER_URL#} unless the claim is {@code email} (kubernetes/kubernetes#31380), and
     * "-" means none.
     */
    public String effectiveUsernamePrefix() {
        if (usernamePrefix == null || usernamePrefix.isEmpty()) {
            return usernameClaim.equals("email") ? "" : issuerUrl + "#";
        }
        return usernamePrefix.equals("-") ? "" : usernamePrefix;
    }

    /** The groups prefix; none unless set. */
    public String effectiveGroupsPrefix() {
        return groupsPrefix == null ? "" : groupsPrefix;
    }

    public boolean hasGroupsClaim() {
        return !groupsClaim.isEmpty();
    }

    public Optional<Path> caFileIfAny() {
        return Optional.ofNullable(caFile);
    }
}
