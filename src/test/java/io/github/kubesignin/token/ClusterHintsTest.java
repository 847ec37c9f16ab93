package io.github.kubesignin.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.Profile;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterHintsTest {
    private static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");
    private static final Profile PROFILE = new Profile("p", URI.create("https://idp/realms/kube"), "kube",
            ClientAuthentication.PUBLIC, Profile.DEFAULT_SCOPES, Map.of(), "email", "groups", null, null);

    private static Map<String, Object> good() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", "https://idp/realms/kube");
        claims.put("aud", "kube");
        claims.put("exp", NOW.plusSeconds(300).getEpochSecond());
        claims.put("email", "alice@example.com");
        claims.put("email_verified", true);
        claims.put("groups", List.of("dev"));
        return claims;
    }

    private static List<String> problems(Map<String, Object> claims) {
        return ClusterHints.problems(JwtDecoder.decode(TokenTestData.jwt(claims)), PROFILE, NOW);
    }

    @Test
    void aGoodTokenHasNoProblems() {
        DecodedJwt jwt = JwtDecoder.decode(TokenTestData.jwt(good()));
        assertThat(ClusterHints.problems(jwt, PROFILE, NOW)).isEmpty();
        assertThat(ClusterHints.username(jwt, PROFILE)).isEqualTo("alice@example.com");
        assertThat(ClusterHints.groups(jwt, PROFILE)).containsExactly("dev");
    }

    @Test
    void eachCommonMistakeIsNamed() {
        var claims = good();
        claims.put("iss", "https://idp/realms/kube/");
        claims.put("aud", "other");
        claims.put("exp", NOW.minusSeconds(1).getEpochSecond());
        claims.put("email_verified", false);
        claims.put("groups", Map.of("x", 1));
        assertThat(problems(claims)).satisfiesExactly(
                p -> assertThat(p).contains("differs from the profile's issuer"),
                p -> assertThat(p).contains("does not contain the client id 'kube'"),
                p -> assertThat(p).contains("expired"),
                p -> assertThat(p).contains("oidc: email not verified"),
                p -> assertThat(p).contains("neither a string nor a list"));
    }

    @Test
    void missingUsernameClaim() {
        var claims = good();
        claims.remove("email");
        assertThat(problems(claims)).singleElement().asString().contains("username claim 'email' is missing");
    }
}
