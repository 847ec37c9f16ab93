package io.github.kubesignin.issuer;

import com.nimbusds.jose.JOSEObjectType;
import java.time.Instant;
import java.util.Collections;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The password and refresh_token grants: checks a token request and builds the token response (RFC 6749 §5.1). */
final class TokenIssuer {
    private final IssuerSettings settings;
    private final SigningKeys keys;
    private final RefreshTokens refreshTokens;

    TokenIssuer(IssuerSettings settings, SigningKeys keys, RefreshTokens refreshTokens) {
        this.settings = settings;
        this.keys = keys;
        this.refreshTokens = refreshTokens;
    }

    Map<String, Object> grant(IssuerClient client, FormData form) throws OAuthException {
        String grantType = form.required("grant_type");
        if (!IssuerSettings.SUPPORTED_GRANT_TYPES.contains(grantType)) {
            throw OAuthException.unsupportedGrantType("grant type " + grantType + " is not supported");
        }
        if (!client.grantTypes().contains(grantType)) {
            throw OAuthException.unauthorizedClient("client " + client.clientId() + " may not use the " + grantType
                    + " grant");
        }
        return grantType.equals(IssuerClient.PASSWORD) ? passwordGrant(client, form) : refreshGrant(client, form);
    }

    private Map<String, Object> passwordGrant(IssuerClient client, FormData form) throws OAuthException {
        String username = form.required("username");
        String password = form.required("password");
        Set<String> scope = parseScope(form.get("scope"));
        IssuerUser user = settings.users().get(username);
        if (user == null || !ClientAuthenticator.constantTimeEquals(password, user.password())) {
            throw OAuthException.invalidGrant("invalid user credentials");
        }
        Instant now = settings.clock().instant();
        String refreshToken = settings.issueRefreshTokens()
                ? refreshTokens.issue(new RefreshTokens.Grant(client.clientId(), username, scope, now,
                        now.plus(settings.refreshTokenLifetime())))
                : null;
        return response(client, user, scope, now, now, refreshToken);
    }

    private Map<String, Object> refreshGrant(IssuerClient client, FormData form) throws OAuthException {
        String token = form.required("refresh_token");
        Set<String> requested = form.has("scope") ? parseScope(form.get("scope")) : null;
        Instant now = settings.clock().instant();
        RefreshTokens.Grant grant = refreshTokens.redeem(token, client.clientId(), now, settings.rotateRefreshTokens())
                .orElseThrow(() -> OAuthException.invalidGrant(
                        "refresh token is unknown, expired, revoked, already used or issued to another client"));
        Set<String> scope = grant.scope();
        if (requested != null) {
            if (!scope.containsAll(requested)) {
                throw OAuthException.invalidScope("a refresh may not widen the scope " + String.join(" ", scope));
            }
            scope = requested;
        }
        String nextRefreshToken = settings.rotateRefreshTokens()
                ? refreshTokens.issue(new RefreshTokens.Grant(grant.clientId(), grant.username(), grant.scope(),
                        grant.authTime(), now.plus(settings.refreshTokenLifetime())))
                : token;
        return response(client, settings.users().get(grant.username()), scope, grant.authTime(), now, nextRefreshToken);
    }

    private Map<String, Object> response(IssuerClient client, IssuerUser user, Set<String> scope, Instant authTime,
                                         Instant now, String refreshToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", keys.sign(accessTokenClaims(client, user, scope, now), SigningKeys.ACCESS_TOKEN_TYPE));
        body.put("token_type", "Bearer");
        body.put("expires_in", settings.idTokenLifetime().toSeconds());
        if (scope.contains("openid")) {
            body.put("id_token", keys.sign(idTokenClaims(user, client.clientId(), authTime, now),
                    JOSEObjectType.JWT));
        }
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        body.put("scope", String.join(" ", scope));
        return body;
    }

    /** The claims of a valid id_token for this user and client, issued {@code now}. */
    Map<String, Object> idTokenClaims(IssuerUser user, String clientId, Instant authTime, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", settings.issuer());
        claims.put("sub", user.subject());
        claims.put("aud", clientId);
        claims.put("azp", clientId);
        claims.put("exp", now.plus(settings.idTokenLifetime()).getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("auth_time", authTime.getEpochSecond());
        if (user.email() != null) {
            claims.put("email", user.email());
            claims.put("email_verified", user.emailVerified());
        }
        claims.put("groups", user.groups());
        if (user.name() != null) {
            claims.put("name", user.name());
        }
        claims.put("preferred_username", user.username());
        return claims;
    }

    private Map<String, Object> accessTokenClaims(IssuerClient client, IssuerUser user, Set<String> scope,
                                                  Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", settings.issuer());
        claims.put("sub", user.subject());
        claims.put("aud", client.clientId());
        claims.put("client_id", client.clientId());
        claims.put("exp", now.plus(settings.idTokenLifetime()).getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("scope", String.join(" ", scope));
        claims.put("preferred_username", user.username());
        return claims;
    }

    private static Set<String> parseScope(String scope) throws OAuthException {
        Set<String> scopes = new LinkedHashSet<>();
        if (scope != null) {
            scopes.addAll(Arrays.asList(scope.trim().split("\\s+")));
            scopes.remove("");
        }
        for (String each : scopes) {
            if (!IssuerSettings.SUPPORTED_SCOPES.contains(each)) {
                throw OAuthException.invalidScope("unknown scope " + each + "; supported: "
                        + String.join(" ", IssuerSettings.SUPPORTED_SCOPES));
            }
        }
        return Collections.unmodifiableSet(scopes); // keeps the order asked for
    }
}
