package io.github.kubesignin.issuer;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Opaque refresh tokens and what they grant. Safe for concurrent use: a rotated token is redeemed at most once. */
final class RefreshTokens {
    /** What a refresh token stands for. */
    record Grant(String clientId, String username, Set<String> scope, Instant authTime, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    String issue(Grant grant) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        grants.put(token, grant);
        return token;
    }

    /**
     * The grant behind a token presented by the given client, or empty when it is unknown, revoked, expired,
     * issued to another client or (with {@code consume}) already redeemed by a concurrent request.
     */
    Optional<Grant> redeem(String token, String clientId, Instant now, boolean consume) {
        Grant grant = grants.get(token);
        if (grant == null || !grant.clientId().equals(clientId)) {
            return Optional.empty();
        }
        if (!now.isBefore(grant.expiresAt())) {
            grants.remove(token, grant);
            return Optional.empty();
        }
        if (consume && !grants.remove(token, grant)) {
            return Optional.empty(); // another request won the race for this token
        }
        return Optional.of(grant);
    }

    /** RFC 7009: a client may revoke only its own tokens; anything else is silently ignored. */
    void revoke(String token, String clientId) {
        Grant grant = grants.get(token);
        if (grant != null && grant.clientId().equals(clientId)) {
            grants.remove(token, grant);
        }
    }

    boolean isActive(String token, Instant now) {
        Grant grant = grants.get(token);
        return grant != null && now.isBefore(grant.expiresAt());
    }
}
