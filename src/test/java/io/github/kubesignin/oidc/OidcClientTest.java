package io.github.kubesignin.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.json.Json;
import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.testing.RunningIssuer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Discovery checks and id_token validation against the embedded issuer. */
class OidcClientTest {
    @RegisterExtension
    static final RunningIssuer demo = RunningIssuer.demo();

    @TempDir
    static Path dir;

    final OidcClient client = new OidcClient(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(3)));

    static Profile profile(URI issuerUrl, Path caFile) {
        return new Profile("demo", issuerUrl, DemoData.CLIENT_ID, ClientAuthentication.PUBLIC, Profile.DEFAULT_SCOPES,
                Map.of(), "email", "groups", caFile, null);
    }

    private Map<String, Object> claims() {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", demo.issuer().issuerUrl().toString());
        claims.put("sub", "u-1");
        claims.put("aud", DemoData.CLIENT_ID);
        claims.put("exp", now.plusSeconds(300).getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        return claims;
    }

    /** Makes the next token response carry the given id_token, to see that validation refuses it. */
    private OidcException signInWithIdToken(String idToken) {
        demo.issuer().answerNextTokenRequestWith(200, "application/json", Json.write(Map.of(
                "access_token", "at", "token_type", "Bearer", "expires_in", 300, "id_token", idToken)));
        return org.assertj.core.api.Assertions.catchThrowableOfType(OidcException.class, () ->
                client.signInWithPassword(profile(demo.issuer().issuerUrl(), demo.caFile()), Optional.empty(), DemoData.USER, DemoData.PASSWORD.toCharArray()));
    }

    @Test
    void signsInAndValidates() {
        TokenSet tokens = client.signInWithPassword(profile(demo.issuer().issuerUrl(), demo.caFile()), Optional.empty(), DemoData.USER, DemoData.PASSWORD.toCharArray());
        assertThat(tokens.idTokenClaims()).containsEntry("email", "alice@example.com");
        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.toString()).doesNotContain(tokens.refreshToken().get()).doesNotContain(tokens.idToken());

        TokenSet refreshed = client.refresh(profile(demo.issuer().issuerUrl(), demo.caFile()), Optional.empty(), tokens.refreshToken().get());
        assertThat(refreshed.idTokenClaims()).containsEntry("email", "alice@example.com");
    }

    @Test
    void rejectsAWrongAudience() {
        var claims = claims();
        claims.put("aud", "someone-else");
        assertThat(signInWithIdToken(demo.issuer().signIdToken(claims)))
                .satisfies(e -> assertThat(e.problem()).isEqualTo(OidcProblem.INVALID_ID_TOKEN))
                .hasMessageContaining("aud does not contain the client id 'kubesignin'");
    }

    @Test
    void rejectsAnotherIssuer() {
        var claims = claims();
        claims.put("iss", demo.issuer().issuerUrl() + "/");
        assertThat(signInWithIdToken(demo.issuer().signIdToken(claims))).hasMessageContaining("its iss is not exactly the profile's issuer");
    }

    @Test
    void rejectsAnExpiredToken() {
        var claims = claims();
        claims.put("exp", Instant.now().minusSeconds(600).getEpochSecond());
        assertThat(signInWithIdToken(demo.issuer().signIdToken(claims))).hasMessageContaining("it has already expired");
    }

    @Test
    void rejectsUnsignedAndHmacTokens() throws Exception {
        JWTClaimsSet set = JWTClaimsSet.parse(claims());
        assertThat(signInWithIdToken(new PlainJWT(set).serialize())).hasMessageContaining("failed validation");

        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), set);
        hmac.sign(new MACSigner("a-shared-secret-that-is-at-least-32-bytes-long"));
        assertThat(signInWithIdToken(hmac.serialize())).hasMessageContaining("failed validation");
    }

    @Test
    void rejectsATamperedSignature() {
        String token = demo.issuer().signIdToken(claims());
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(signInWithIdToken(tampered)).hasMessageContaining("failed validation");
    }

    @Test
    void acceptsTokensFromARotatedKey() {
        demo.issuer().rotateSigningKey();
        TokenSet tokens = client.signInWithPassword(profile(demo.issuer().issuerUrl(), demo.caFile()), Optional.empty(), DemoData.USER, DemoData.PASSWORD.toCharArray());
        assertThat(tokens.idToken()).isNotBlank();
    }

    @Test
    void trailingSlashMismatchShowsBothValues() throws Exception {
        try (EmbeddedIssuer slashed = EmbeddedIssuer.demo().issuerTrailingSlash(true).start()) {
            Path slashedCa = slashed.certificateAuthority().writeCertificatePem(dir.resolve("slashed-ca.pem"));
            String withSlash = slashed.issuerUrl().toString();
            String without = withSlash.endsWith("/") ? withSlash.substring(0, withSlash.length() - 1) : withSlash;
            Profile profile = profile(URI.create(without), slashedCa);

            ProviderInfo info = client.discover(profile);
            assertThat(info.warnings()).singleElement().asString()
                    .contains("'" + without + "/'", "'" + without + "'", "differ only by a trailing slash");
            assertThatThrownBy(() -> client.signInWithPassword(profile, Optional.empty(), DemoData.USER, DemoData.PASSWORD.toCharArray()))
                    .isInstanceOf(OidcException.class).hasMessageContaining("trailing slash");
        }
    }

    @Test
    void saysWhenThePasswordGrantIsNotAdvertised() throws Exception {
        try (EmbeddedIssuer codeOnly = EmbeddedIssuer.demo().advertisedGrantTypes(List.of("authorization_code", "refresh_token")).start()) {
            Path codeCa = codeOnly.certificateAuthority().writeCertificatePem(dir.resolve("code-ca.pem"));
            ProviderInfo info = client.discover(profile(codeOnly.issuerUrl(), codeCa));
            assertThat(info.advertisesPasswordGrant()).isFalse();
            assertThat(info.warnings()).singleElement().asString().contains("does not list the password grant");
        }
    }

    @Test
    void signatureCheckForTheInspector() {
        Profile profile = profile(demo.issuer().issuerUrl(), demo.caFile());
        String token = demo.issuer().signIdToken(claims());
        assertThat(client.checkSignature(profile, token).verdict()).isEqualTo(SignatureCheck.Verdict.VALID);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(client.checkSignature(profile, tampered).verdict()).isEqualTo(SignatureCheck.Verdict.INVALID);
    }
}
