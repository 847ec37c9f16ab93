package io.github.kubesignin.token;

import io.github.kubesignin.json.Json;
import io.github.kubesignin.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Decodes a compact JWS without checking it; no network and no JOSE library, so it is cheap. */
public final class JwtDecoder {
    private JwtDecoder() {
    }

    public static DecodedJwt decode(String token) {
        String raw = token == null ? "" : token.strip();
        if (raw.isEmpty()) {
            throw new MalformedTokenException("no token given");
        }
        if (raw.startsWith("Bearer ")) {
            raw = raw.substring("Bearer ".length()).strip();
        }
        String[] parts = raw.split("\\.", -1);
        if (parts.length == 5) {
            throw new MalformedTokenException("this is an encrypted JWT (JWE, 5 parts); only signed tokens can be inspected");
        }
        if (parts.length != 3) {
            throw new MalformedTokenException("not a JWT: expected 3 parts separated by dots, found " + parts.length);
        }
        Map<String, Object> header = part(parts[0], "header");
        Map<String, Object> claims = part(parts[1], "payload");
        return new DecodedJwt(raw, header, claims);
    }

    private static Map<String, Object> part(String encoded, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new MalformedTokenException("not a JWT: the " + what + " is not base64url (" + e.getMessage() + ")");
        }
        try {
            return Json.parseObject(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new MalformedTokenException("not a JWT: the " + what + " is not a JSON object (" + e.getMessage() + ")");
        }
    }
}
