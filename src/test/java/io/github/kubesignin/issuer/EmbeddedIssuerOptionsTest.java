package io.github.kubesignin.issuer;

import io.github.kubesignin.testing.AdjustableClock;
import static io.github.kubesignin.issuer.EmbeddedIssuerTest.assertError;
import static io.github.kubesignin.issuer.EmbeddedIssuerTest.okJson;
import static io.github.kubesignin.issuer.EmbeddedIssuerTest.passwordForm;
import static io.github.kubesignin.issuer.EmbeddedIssuerTest.refreshForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The builder's switches, each on an issuer of its own. */
class EmbeddedIssuerOptionsTest {
    private final IssuerHttp http = new IssuerHttp(TestCa.CA);

    private static EmbeddedIssuer.Builder demo() {
        return EmbeddedIssuer.demo().certificateAuthority(TestCa.CA);
    }

    @Test
    void rotationReplacesTheRefreshToken() throws Exception {
        try (EmbeddedIssuer issuer = demo().rotateRefreshTokens(true).start()) {
            String first = signIn(issuer);

            Map<String, Object> refreshed = okJson(http.postForm(issuer.tokenEndpoint(),
                    refreshForm(DemoData.CLIENT_ID, first)));

            String second = (String) refreshed.get("refresh_token");
            assertThat(second).isNotBlank().isNotEqualTo(first);
            assertThat(refreshed).containsKey("id_token");
            assertThat(issuer.isRefreshTokenActive(first)).isFalse();
            assertThat(issuer.isRefreshTokenActive(second)).isTrue();
            assertError(http.postForm(issuer.tokenEndpoint(), refreshForm(DemoData.CLIENT_ID, first)),
                    400, "invalid_grant");
            okJson(http.postForm(issuer.tokenEndpoint(), refreshForm(DemoData.CLIENT_ID, second)));
            assertThat(issuer.tokenRequests("refresh_token")).isEqualTo(3);
            assertThat(issuer.tokenRequests("password")).isEqualTo(1);
        }
    }

    @Test
    void parallelRefreshesWithRotationSucceedExactlyOnce() throws Exception {
        try (EmbeddedIssuer issuer = demo().rotateRefreshTokens(true).start()) {
            String refreshToken = signIn(issuer);
            HttpClient client = HttpClient.newBuilder().sslContext(TestCa.CA.clientSslContext())
                    .version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(issuer.tokenEndpoint())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            IssuerHttp.encode(refreshForm(DemoData.CLIENT_ID, refreshToken))))
                    .timeout(Duration.ofSeconds(10))
                    .build();

            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                responses.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> response : responses) {
                statuses.add(response.get().statusCode());
            }

            assertThat(statuses).hasSize(20);
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 400).hasSize(19);
            assertThat(issuer.tokenRequests("refresh_token")).isEqualTo(20);
        }
    }

    @Test
    void trailingSlashIssuer() throws Exception {
        try (EmbeddedIssuer issuer = demo().issuerTrailingSlash(true).start()) {
            String issuerUrl = issuer.issuerUrl().toString();
            assertThat(issuerUrl).isEqualTo("https://127.0.0.1:" + issuer.port() + "/");

            Map<String, Object> discovery = IssuerHttp.json(http.get(URI.create(issuerUrl + ".well-known/openid-configuration")));
            assertThat(discovery).containsEntry("issuer", issuerUrl)
                    .containsEntry("token_endpoint", "https://127.0.0.1:" + issuer.port() + "/token");
            // a client that appends "/.well-known/..." to the issuer as written still finds the document
            assertThat(http.get(URI.create(issuerUrl + "/.well-known/openid-configuration")).statusCode())
                    .isEqualTo(200);
            String idToken = (String) okJson(http.postForm(issuer.tokenEndpoint(), passwordForm(DemoData.CLIENT_ID)))
                    .get("id_token");
            assertThat(SignedJWT.parse(idToken).getJWTClaimsSet().getIssuer()).isEqualTo(issuerUrl);
        }
    }

    @Test
    void tokenTimesFollowTheClockAndRefreshTokensExpire() throws Exception {
        AdjustableClock clock = new AdjustableClock(Instant.parse("2031-03-01T10:00:00Z"));
        try (EmbeddedIssuer issuer = demo().clock(clock).idTokenLifetime(Duration.ofMinutes(1))
                .refreshTokenLifetime(Duration.ofHours(1)).start()) {
            Map<String, Object> tokens = okJson(http.postForm(issuer.tokenEndpoint(), passwordForm(DemoData.CLIENT_ID)));
            JWTClaimsSet claims = SignedJWT.parse((String) tokens.get("id_token")).getJWTClaimsSet();
            assertThat(tokens).containsEntry("expires_in", 60L);
            assertThat(claims.getIssueTime().toInstant()).isEqualTo(clock.instant());
            assertThat(claims.getExpirationTime().toInstant()).isEqualTo(clock.instant().plusSeconds(60));

            String refreshToken = (String) tokens.get("refresh_token");
            clock.advance(Duration.ofMinutes(59));
            assertThat(issuer.isRefreshTokenActive(refreshToken)).isTrue();
            clock.advance(Duration.ofMinutes(1));
            assertThat(issuer.isRefreshTokenActive(refreshToken)).isFalse();
            assertError(http.postForm(issuer.tokenEndpoint(), refreshForm(DemoData.CLIENT_ID, refreshToken)),
                    400, "invalid_grant");
        }
    }

    @Test
    void refreshTokensCanBeSwitchedOff() throws Exception {
        try (EmbeddedIssuer issuer = demo().issueRefreshTokens(false).start()) {
            assertThat(okJson(http.postForm(issuer.tokenEndpoint(), passwordForm(DemoData.CLIENT_ID))))
                    .containsKey("id_token").doesNotContainKey("refresh_token");
        }
    }

    @Test
    void advertisedGrantTypesAndUnauthorizedClient() throws Exception {
        try (EmbeddedIssuer issuer = EmbeddedIssuer.builder().certificateAuthority(TestCa.CA)
                .user(DemoData.ALICE)
                .client(IssuerClient.publicClient("refresh-only", IssuerClient.REFRESH_TOKEN))
                .client(IssuerClient.publicClient("password-only", IssuerClient.PASSWORD))
                .advertisedGrantTypes(List.of("authorization_code"))
                .start()) {
            assertThat(IssuerHttp.json(http.get(issuer.discoveryUrl())))
                    .containsEntry("grant_types_supported", List.of("authorization_code"));
            assertError(http.postForm(issuer.tokenEndpoint(), passwordForm("refresh-only")), 400,
                    "unauthorized_client");
            String refreshToken = (String) okJson(http.postForm(issuer.tokenEndpoint(), passwordForm("password-only")))
                    .get("refresh_token");
            assertError(http.postForm(issuer.tokenEndpoint(), refreshForm("password-only", refreshToken)), 400,
                    "unauthorized_client");
        }
    }

    @Test
    void rotatedSigningKeyStaysInTheJwks() throws Exception {
        try (EmbeddedIssuer issuer = demo().start()) {
            String before = (String) okJson(http.postForm(issuer.tokenEndpoint(), passwordForm(DemoData.CLIENT_ID)))
                    .get("id_token");
            String oldKid = issuer.currentKeyId();
            issuer.rotateSigningKey();
            String after = (String) okJson(http.postForm(issuer.tokenEndpoint(), passwordForm(DemoData.CLIENT_ID)))
                    .get("id_token");

            assertThat(issuer.currentKeyId()).isNotEqualTo(oldKid);
            assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(issuer.currentKeyId());
            JWKSet jwks = JWKSet.parse(http.get(issuer.jwksUrl()).body());
            assertThat(jwks.getKeys()).hasSize(2);
            EmbeddedIssuerTest.verify(issuer, http, before);
            EmbeddedIssuerTest.verify(issuer, http, after);
        }
    }

    @Test
    void mintedTokensCarryAnyClaimsAndVerify() throws Exception {
        try (EmbeddedIssuer issuer = demo().start()) {
            Map<String, Object> claims = issuer.idTokenClaims(DemoData.USER, DemoData.CLIENT_ID);
            claims.put("aud", "someone-else");
            claims.put("exp", Instant.parse("2020-01-01T00:00:00Z"));

            SignedJWT jwt = SignedJWT.parse(issuer.signIdToken(claims));

            RSAKey key = JWKSet.parse(http.get(issuer.jwksUrl()).body()).getKeyByKeyId(jwt.getHeader().getKeyID())
                    .toRSAKey();
            assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
            assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("someone-else");
            assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
                    .isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
            assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.issuerUrl().toString());
        }
    }

    @Test
    void delayedResponsesTimeOutClients() throws Exception {
        try (EmbeddedIssuer issuer = demo().start()) {
            HttpClient client = HttpClient.newBuilder().sslContext(TestCa.CA.clientSslContext()).build();
            issuer.delayResponses(Duration.ofMillis(1500));
            HttpRequest request = HttpRequest.newBuilder(issuer.discoveryUrl()).timeout(Duration.ofMillis(200)).build();

            assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(HttpTimeoutException.class);

            issuer.delayResponses(Duration.ZERO);
            assertThat(http.get(issuer.discoveryUrl()).statusCode()).isEqualTo(200);
        }
    }

    private String signIn(EmbeddedIssuer issuer) throws Exception {
        return (String) okJson(http.postForm(issuer.tokenEndpoint(), passwordForm(DemoData.CLIENT_ID)))
                .get("refresh_token");
    }
}
