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
    private final AuthorizationCodes codes;
    private final DeviceCodes devices;

    TokenIssuer(IssuerSettings settings, SigningKeys keys, RefreshTokens refreshTokens, AuthorizationCodes codes,
                DeviceCodes devices) {
        this.settings = settings;
        this.keys = keys;
        this.refreshTokens = refreshTokens;
        this.codes = codes;
        this.devices = devices;
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
        return switch (grantType) {
            case IssuerClient.PASSWORD -> passwordGrant(client, form);
            case IssuerClient.AUTHORIZATION_CODE -> authorizationCodeGrant(client, form);
            case IssuerClient.DEVICE_CODE -> deviceCodeGrant(client, form);
            default -> refreshGrant(client, form);
        };
    }

    /** RFC 6749 §4.1.3 with RFC 7636 §4.6: the code once, for the same client and redirect URI, with the verifier. */
    private Map<String, Object> authorizationCodeGrant(IssuerClient client, FormData form) throws OAuthException {
        String value = form.required("code");
        Instant now = settings.clock().instant();
        AuthorizationCodes.Code code = codes.redeem(value, now)
                .orElseThrow(() -> OAuthException.invalidGrant("authorization code is unknown, expired or already used"));
        if (!code.clientId().equals(client.clientId())) {
            throw OAuthException.invalidGrant("authorization code was issued to another client");
        }
        if (!code.redirectUri().equals(form.get("redirect_uri"))) {
            throw OAuthException.invalidGrant("redirect_uri differs from the one in the authorization request");
        }
        String verifier = form.get("code_verifier");
        if (verifier == null) {
            throw OAuthException.invalidGrant("code_verifier is missing (PKCE)");
        }
        if (!ClientAuthenticator.constantTimeEquals(AuthorizationCodes.s256(verifier), code.codeChallenge())) {
            throw OAuthException.invalidGrant("code_verifier does not match the code_challenge (PKCE)");
        }
        IssuerUser user = settings.users().get(code.username());
        return response(client, user, code.scope(), code.authTime(), now, newRefreshToken(client, user, code.scope(),
                code.authTime(), now), code.nonce());
    }

    /** RFC 8628 §3.4–3.5: pending, slow_down, expired_token, access_denied, or the tokens once. */
    private Map<String, Object> deviceCodeGrant(IssuerClient client, FormData form) throws OAuthException {
        String value = form.required("device_code");
        Instant now = settings.clock().instant();
        DeviceCodes.Entry entry = devices.byDeviceCode(value)
                .filter(e -> e.clientId.equals(client.clientId()))
                .orElseThrow(() -> OAuthException.invalidGrant("device code is unknown, already used or issued to another client"));
        if (!now.isBefore(entry.expiresAt)) {
            devices.forget(entry);
            throw OAuthException.expiredToken();
        }
        boolean tooSoon = entry.pollTooSoon(now);
        if (devices.takeSlowDown() || tooSoon) {
            throw OAuthException.slowDown();
        }
        switch (entry.status()) {
            case PENDING -> throw OAuthException.authorizationPending();
            case DENIED -> {
                devices.forget(entry);
                throw OAuthException.accessDenied("the user denied the request");
            }
            default -> {
                devices.forget(entry);
                IssuerUser user = settings.users().get(entry.username());
                return response(client, user, entry.scope, entry.authTime(), now,
                        newRefreshToken(client, user, entry.scope, entry.authTime(), now), null);
            }
        }
    }

    private String newRefreshToken(IssuerClient client, IssuerUser user, Set<String> scope, Instant authTime, Instant now) {
        return settings.issueRefreshTokens()
                ? refreshTokens.issue(new RefreshTokens.Grant(client.clientId(), user.username(), scope, authTime,
                        now.plus(settings.refreshTokenLifetime())))
                : null;
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
        return response(client, user, scope, now, now, refreshToken, null);
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
        return response(client, settings.users().get(grant.username()), scope, grant.authTime(), now, nextRefreshToken, null);
    }

    private Map<String, Object> response(IssuerClient client, IssuerUser user, Set<String> scope, Instant authTime,
                                         Instant now, String refreshToken, String nonce) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", keys.sign(accessTokenClaims(client, user, scope, now), SigningKeys.ACCESS_TOKEN_TYPE));
        body.put("token_type", "Bearer");
        body.put("expires_in", settings.idTokenLifetime().toSeconds());
        if (scope.contains("openid")) {
            Map<String, Object> claims = idTokenClaims(user, client.clientId(), authTime, now);
            if (nonce != null) {
                claims.put("nonce", nonce);
            }
            body.put("id_token", keys.sign(claims, JOSEObjectType.JWT));
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
