package io.github.kubesignin.oidc;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens from one successful token request; the id_token has been validated.
 *
 * @param idTokenClaims the id_token's claims as plain JSON values (String, Long, Boolean, List, Map)
 */
public record TokenSet(
        String idToken,
        String accessToken,
        Optional<String> refreshToken,
        Instant idTokenExpiry,
        Map<String, Object> idTokenClaims) {

    @Override
    public String toString() {
        return "TokenSet[expires " + idTokenExpiry + ", refresh token " + (refreshToken.isPresent() ? "present" : "absent") + "]";
    }
}
