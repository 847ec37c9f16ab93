package io.github.kubesignin.token;

import io.github.kubesignin.json.Json;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a token's claims into rows with a plain meaning, times shown locally and relative to now. */
public final class ClaimExplainer {
    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("iss", "issuer: must equal the API server's --oidc-issuer-url exactly"),
            Map.entry("sub", "subject: the user's stable id at the issuer"),
            Map.entry("aud", "audience: must contain the API server's --oidc-client-id"),
            Map.entry("azp", "authorized party: the client the token was issued to"),
            Map.entry("email", "e-mail address"),
            Map.entry("email_verified", "whether the issuer verified the e-mail address"),
            Map.entry("groups", "group memberships"),
            Map.entry("name", "full name"),
            Map.entry("preferred_username", "the user's chosen login name"),
            Map.entry("nonce", "binds the token to one sign-in request"),
            Map.entry("sid", "the issuer's session id"),
            Map.entry("at_hash", "hash of the access token"),
            Map.entry("typ", "token type"),
            Map.entry("scope", "granted scopes"));

    private ClaimExplainer() {
    }

    public static List<ClaimRow> rows(DecodedJwt jwt, Instant now, ZoneId zone) {
        List<ClaimRow> rows = new ArrayList<>();
        jwt.claims().forEach((name, value) -> rows.add(new ClaimRow(name, display(value), meaning(name, value, now, zone))));
        return rows;
    }

    private static String meaning(String name, Object value, Instant now, ZoneId zone) {
        if (value instanceof Number n && isTimeClaim(name)) {
            Instant when = Instant.ofEpochSecond(n.longValue());
            String at = HumanTime.local(when, now, zone) + ", " + HumanTime.relative(when, now);
            return switch (name) {
                case "exp" -> (when.isAfter(now) ? "expires " : "expired ") + at;
                case "iat" -> "issued " + at;
                case "nbf" -> "not valid before " + at;
                default -> "signed in " + at;
            };
        }
        return MEANINGS.getOrDefault(name, "");
    }

    private static boolean isTimeClaim(String name) {
        return name.equals("exp") || name.equals("iat") || name.equals("nbf") || name.equals("auth_time");
    }

    static String display(Object value) {
        return value instanceof String s ? s : Json.write(value);
    }
}
