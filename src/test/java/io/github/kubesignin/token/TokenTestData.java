package io.github.kubesignin.token;

import io.github.kubesignin.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Builds JWT-shaped strings for decoding tests; the signature part is not a real one. */
final class TokenTestData {
    private TokenTestData() {
    }

    static String jwt(Map<String, Object> claims) {
        return part(Map.of("alg", "RS256", "kid", "k1", "typ", "JWT")) + "." + part(claims) + ".c2lnbmF0dXJl";
    }

    static String part(Object json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
    }
}
