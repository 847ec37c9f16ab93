package io.github.kubesignin.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtDecoderTest {
    @Test
    void decodesHeaderAndClaims() {
        String token = TokenTestData.jwt(Map.of("iss", "https://idp", "aud", List.of("a", "b"), "exp", 1_700_000_000L));
        DecodedJwt jwt = JwtDecoder.decode("  Bearer " + token + "\n");
        assertThat(jwt.raw()).isEqualTo(token);
        assertThat(jwt.algorithm()).isEqualTo("RS256");
        assertThat(jwt.stringClaim("iss")).hasValue("https://idp");
        assertThat(jwt.audiences()).containsExactly("a", "b");
        assertThat(jwt.expiry()).hasValue(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void singleStringAudienceIsAList() {
        assertThat(JwtDecoder.decode(TokenTestData.jwt(Map.of("aud", "kube"))).audiences()).containsExactly("kube");
    }

    @Test
    void malformedInputGetsAOneLineReason() {
        assertThatThrownBy(() -> JwtDecoder.decode("")).isInstanceOf(MalformedTokenException.class).hasMessage("no token given");
        assertThatThrownBy(() -> JwtDecoder.decode("abc")).hasMessage("not a JWT: expected 3 parts separated by dots, found 1");
        assertThatThrownBy(() -> JwtDecoder.decode("a.b.c.d.e")).hasMessageContaining("encrypted JWT");
        assertThatThrownBy(() -> JwtDecoder.decode("!!.e30.x")).hasMessageContaining("header is not base64url");
        assertThatThrownBy(() -> JwtDecoder.decode(TokenTestData.part(Map.of()) + ".bm90IGpzb24.x"))
                .hasMessageContaining("payload is not a JSON object");
        assertThat(catchMessage("abc")).doesNotContain("\n");
    }

    private static String catchMessage(String token) {
        try {
            JwtDecoder.decode(token);
            return "";
        } catch (MalformedTokenException e) {
            return e.getMessage();
        }
    }
}
