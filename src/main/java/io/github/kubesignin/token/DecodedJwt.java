package io.github.kubesignin.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A JWT's header and claims, decoded but not verified. */
public record DecodedJwt(String raw, Map<String, Object> header, Map<String, Object> claims) {

    public Optional<String> stringClaim(String name) {
        return claims.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public Optional<Instant> instantClaim(String name) {
        return claims.get(name) instanceof Number n ? Optional.of(Instant.ofEpochSecond(n.longValue())) : Optional.empty();
    }

    public Optional<Instant> expiry() {
        return instantClaim("exp");
    }

    public String algorithm() {
        return String.valueOf(header.get("alg"));
    }

    /** {@code aud} as a list, whether the token has a single string or an array. */
    public List<String> audiences() {
        return stringsClaim("aud");
    }

    /** A claim that may be one string or an array (aud, groups) as a list; empty when absent or empty name. */
    public List<String> stringsClaim(String name) {
        Object value = name.isEmpty() ? null : claims.get(name);
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
