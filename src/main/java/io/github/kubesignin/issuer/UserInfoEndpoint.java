package io.github.kubesignin.issuer;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code GET /userinfo}: the signed-in user's claims for a valid access token (Bearer). */
final class UserInfoEndpoint implements IssuerRouter.Endpoint {
    private final IssuerSettings settings;
    private final SigningKeys keys;

    UserInfoEndpoint(IssuerSettings settings, SigningKeys keys) {
        this.settings = settings;
        this.keys = keys;
    }

    @Override
    public void serve(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Optional<IssuerUser> user = Optional.empty();
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            user = keys.verify(authorization.substring(7).trim(), SigningKeys.ACCESS_TOKEN_TYPE)
                    .filter(this::unexpired)
                    .map(claims -> settings.users().get(String.valueOf(claims.get("preferred_username"))));
        }
        if (user.isEmpty()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            HttpExchanges.sendJson(exchange, 401, Map.of("error", "invalid_token",
                    "error_description", "a valid, unexpired access token from this issuer is required"));
            return;
        }
        HttpExchanges.sendJson(exchange, 200, claims(user.get()));
    }

    private boolean unexpired(Map<String, Object> claims) {
        return claims.get("exp") instanceof Number exp
                && settings.clock().instant().isBefore(Instant.ofEpochSecond(exp.longValue()));
    }

    private static Map<String, Object> claims(IssuerUser user) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user.subject());
        claims.put("preferred_username", user.username());
        if (user.email() != null) {
            claims.put("email", user.email());
            claims.put("email_verified", user.emailVerified());
        }
        if (user.name() != null) {
            claims.put("name", user.name());
        }
        claims.put("groups", user.groups());
        return claims;
    }
}
