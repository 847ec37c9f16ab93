package io.github.kubesignin.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo issuer over real HTTPS: discovery, JWKS, the password and refresh grants, errors and revocation. */
class EmbeddedIssuerTest {
    static final CertificateAuthority CA = TestCa.CA;

    private static EmbeddedIssuer issuer;
    private static IssuerHttp http;

    @BeforeAll
    static void start() {
        issuer = EmbeddedIssuer.demo().certificateAuthority(CA).start();
        http = new IssuerHttp(CA);
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void discoveryDescribesTheIssuer() throws Exception {
        HttpResponse<String> response = http.get(issuer.discoveryUrl());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        Map<String, Object> discovery = IssuerHttp.json(response);
        String base = "https://127.0.0.1:" + issuer.port();
        assertThat(issuer.issuerUrl().toString()).isEqualTo(base);
        assertThat(discovery).containsEntry("issuer", base)
                .containsEntry("token_endpoint", base + "/token")
                .containsEntry("jwks_uri", base + "/jwks")
                .containsEntry("revocation_endpoint", base + "/revoke")
                .containsEntry("userinfo_endpoint", base + "/userinfo")
                .containsEntry("subject_types_supported", List.of("public"))
                .containsEntry("id_token_signing_alg_values_supported", List.of("RS256"))
                .containsEntry("grant_types_supported", List.of("password", "refresh_token", "authorization_code",
                        "urn:ietf:params:oauth:grant-type:device_code"))
                .containsEntry("authorization_endpoint", base + "/authorize")
                .containsEntry("device_authorization_endpoint", base + "/device")
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                .containsEntry("token_endpoint_auth_methods_supported",
                        List.of("client_secret_basic", "client_secret_post", "none"))
                .containsKeys("response_types_supported", "scopes_supported", "claims_supported");
    }

    @Test
    void nimbusReadsTheDiscoveryDocument() throws Exception {
        var metadata = com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata.parse(
                http.get(issuer.discoveryUrl()).body());
        assertThat(metadata.getIssuer().getValue()).isEqualTo(issuer.issuerUrl().toString());
        assertThat(metadata.getTokenEndpointURI()).isEqualTo(issuer.tokenEndpoint());
    }

    @Test
    void jwksServesPublicSigningKeysOnly() throws Exception {
        HttpResponse<String> response = http.get(issuer.jwksUrl());

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JWKSet jwks = JWKSet.parse(response.body());
        assertThat(jwks.getKeys()).isNotEmpty().allSatisfy(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyID()).isNotBlank();
            assertThat(key.getKeyUse().identifier()).isEqualTo("sig");
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        });
        assertThat(response.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
    }

    @Test
    void passwordGrantForThePublicClientReturnsAVerifiableIdToken() throws Exception {
        Map<String, Object> tokens = okJson(http.postForm(issuer.tokenEndpoint(), passwordForm(DemoData.CLIENT_ID)));

        assertThat(tokens).containsEntry("token_type", "Bearer").containsEntry("expires_in", 300L)
                .containsEntry("scope", "openid email groups").containsKeys("access_token", "refresh_token");
        JWTClaimsSet claims = verify((String) tokens.get("id_token"));
        assertThat(claims.getIssuer()).isEqualTo(issuer.issuerUrl().toString());
        assertThat(claims.getAudience()).containsExactly(DemoData.CLIENT_ID);
        assertThat(claims.getSubject()).isEqualTo(DemoData.ALICE.subject());
        assertThat(claims.getClaims()).containsEntry("azp", DemoData.CLIENT_ID)
                .containsEntry("email", DemoData.EMAIL)
                .containsEntry("email_verified", true)
                .containsEntry("groups", DemoData.GROUPS)
                .containsEntry("name", DemoData.NAME)
                .containsEntry("preferred_username", DemoData.USER)
                .containsKey("auth_time");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(300_000L);
        SignedJWT jwt = SignedJWT.parse((String) tokens.get("id_token"));
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(issuer.currentKeyId());
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
    }

    @Test
    void subjectIsStableAcrossIssuers() {
        assertThat(DemoData.ALICE.subject()).isEqualTo(new IssuerUser("alice", "x", null, false, null, null).subject())
                .isNotEqualTo(DemoData.BOB.subject());
    }

    @Test
    void unverifiedEmailUserSaysSo() throws Exception {
        Map<String, String> form = new LinkedHashMap<>(passwordForm(DemoData.CLIENT_ID));
        form.put("username", DemoData.UNVERIFIED_USER);
        form.put("password", DemoData.UNVERIFIED_PASSWORD);
        Map<String, Object> tokens = okJson(http.postForm(issuer.tokenEndpoint(), form));
        assertThat(verify((String) tokens.get("id_token")).getClaims())
                .containsEntry("email_verified", false).containsEntry("groups", List.of("viewers"));
    }

    @Test
    void confidentialClientAuthenticatesWithBasic() throws Exception {
        HttpResponse<String> response = http.postForm(issuer.tokenEndpoint(),
                passwordForm(null), IssuerHttp.basic(DemoData.CONFIDENTIAL_CLIENT_ID, DemoData.CLIENT_SECRET));
        assertThat(verify((String) okJson(response).get("id_token")).getAudience())
                .containsExactly(DemoData.CONFIDENTIAL_CLIENT_ID);
        List<String> methods = issuer.tokenRequestClientAuthentication();
        assertThat(methods).contains("client_secret_basic");
    }

    @Test
    void confidentialClientAuthenticatesWithPost() throws Exception {
        Map<String, String> form = new LinkedHashMap<>(passwordForm(DemoData.CONFIDENTIAL_CLIENT_ID));
        form.put("client_secret", DemoData.CLIENT_SECRET);
        assertThat(okJson(http.postForm(issuer.tokenEndpoint(), form))).containsKey("id_token");
    }

    @Test
    void noIdTokenWithoutOpenidScope() throws Exception {
        Map<String, String> form = new LinkedHashMap<>(passwordForm(DemoData.CLIENT_ID));
        form.put("scope", "email");
        Map<String, Object> tokens = okJson(http.postForm(issuer.tokenEndpoint(), form));
        assertThat(tokens).doesNotContainKey("id_token").containsKeys("access_token", "refresh_token");

        Map<String, Object> refreshed = okJson(http.postForm(issuer.tokenEndpoint(),
                refreshForm(DemoData.CLIENT_ID, (String) tokens.get("refresh_token"))));
        assertThat(refreshed).doesNotContainKey("id_token");
    }

    @Test
    void refreshWithoutRotationKeepsTheRefreshTokenValid() throws Exception {
        Map<String, Object> first = okJson(http.postForm(issuer.tokenEndpoint(), passwordForm(DemoData.CLIENT_ID)));
        String refreshToken = (String) first.get("refresh_token");

        Map<String, Object> second = okJson(http.postForm(issuer.tokenEndpoint(),
                refreshForm(DemoData.CLIENT_ID, refreshToken)));
        Map<String, Object> third = okJson(http.postForm(issuer.tokenEndpoint(),
                refreshForm(DemoData.CLIENT_ID, refreshToken)));

        assertThat(second).containsEntry("refresh_token", refreshToken).containsKey("id_token");
        assertThat(third).containsEntry("refresh_token", refreshToken);
        JWTClaimsSet original = verify((String) first.get("id_token"));
        JWTClaimsSet refreshed = verify((String) third.get("id_token"));
        assertThat(refreshed.getSubject()).isEqualTo(original.getSubject());
        assertThat(refreshed.getClaim("auth_time")).isEqualTo(original.getClaim("auth_time"));
        assertThat(issuer.isRefreshTokenActive(refreshToken)).isTrue();
    }

    @Test
    void refreshTokenBelongsToItsClient() throws Exception {
        String refreshToken = (String) okJson(http.postForm(issuer.tokenEndpoint(), passwordForm(DemoData.CLIENT_ID)))
                .get("refresh_token");
        HttpResponse<String> response = http.postForm(issuer.tokenEndpoint(),
                refreshForm(null, refreshToken), IssuerHttp.basic(DemoData.CONFIDENTIAL_CLIENT_ID, DemoData.CLIENT_SECRET));
        assertError(response, 400, "invalid_grant");
    }

    @Test
    void refreshMayNarrowButNotWidenTheScope() throws Exception {
        String refreshToken = (String) okJson(http.postForm(issuer.tokenEndpoint(), passwordForm(DemoData.CLIENT_ID)))
                .get("refresh_token");
        Map<String, String> narrower = new LinkedHashMap<>(refreshForm(DemoData.CLIENT_ID, refreshToken));
        narrower.put("scope", "openid");
        assertThat(okJson(http.postForm(issuer.tokenEndpoint(), narrower))).containsEntry("scope", "openid");

        Map<String, String> wider = new LinkedHashMap<>(refreshForm(DemoData.CLIENT_ID, refreshToken));
        wider.put("scope", "openid profile");
        assertError(http.postForm(issuer.tokenEndpoint(), wider), 400, "invalid_scope");
    }

    @Test
    void errorsFollowRfc6749() throws Exception {
        var token = issuer.tokenEndpoint();
        Map<String, String> missingPassword = new LinkedHashMap<>(passwordForm(DemoData.CLIENT_ID));
        missingPassword.remove("password");
        assertError(http.postForm(token, missingPassword), 400, "invalid_request");
        assertError(http.postForm(token, Map.of("client_id", DemoData.CLIENT_ID)), 400, "invalid_request");

        Map<String, String> wrongPassword = new LinkedHashMap<>(passwordForm(DemoData.CLIENT_ID));
        wrongPassword.put("password", "nope");
        assertError(http.postForm(token, wrongPassword), 400, "invalid_grant");
        Map<String, String> unknownUser = new LinkedHashMap<>(passwordForm(DemoData.CLIENT_ID));
        unknownUser.put("username", "mallory");
        assertError(http.postForm(token, unknownUser), 400, "invalid_grant");

        assertError(http.postForm(token, refreshForm(DemoData.CLIENT_ID, "no-such-token")), 400, "invalid_grant");

        Map<String, String> badScope = new LinkedHashMap<>(passwordForm(DemoData.CLIENT_ID));
        badScope.put("scope", "openid admin");
        assertError(http.postForm(token, badScope), 400, "invalid_scope");

        Map<String, String> codeGrant = Map.of("grant_type", "authorization_code", "code", "x",
                "client_id", DemoData.CLIENT_ID);
        assertError(http.postForm(token, codeGrant), 400, "invalid_grant");

        Map<String, String> implicit = Map.of("grant_type", "implicit", "client_id", DemoData.CLIENT_ID);
        assertError(http.postForm(token, implicit), 400, "unsupported_grant_type");
    }

    @Test
    void clientAuthenticationErrorsAreInvalidClient() throws Exception {
        var token = issuer.tokenEndpoint();
        HttpResponse<String> unknown = http.postForm(token, passwordForm("no-such-client"));
        assertError(unknown, 401, "invalid_client");
        assertThat(unknown.headers().firstValue("WWW-Authenticate")).isEmpty();

        assertError(http.postForm(token, passwordForm(DemoData.CONFIDENTIAL_CLIENT_ID)), 401, "invalid_client");

        HttpResponse<String> wrongSecret = http.postForm(token, passwordForm(null),
                IssuerHttp.basic(DemoData.CONFIDENTIAL_CLIENT_ID, "wrong"));
        assertError(wrongSecret, 401, "invalid_client");
        assertThat(wrongSecret.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));

        Map<String, String> wrongPostSecret = new LinkedHashMap<>(passwordForm(DemoData.CONFIDENTIAL_CLIENT_ID));
        wrongPostSecret.put("client_secret", "wrong");
        assertError(http.postForm(token, wrongPostSecret), 401, "invalid_client");
    }

    @Test
    void nonFormRequestIsInvalid() throws Exception {
        var client = java.net.http.HttpClient.newBuilder().sslContext(CA.clientSslContext()).build();
        var response = client.send(java.net.http.HttpRequest.newBuilder(issuer.tokenEndpoint())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"password\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(response, 400, "invalid_request");
    }

    @Test
    void revocationEndsARefreshToken() throws Exception {
        String refreshToken = (String) okJson(http.postForm(issuer.tokenEndpoint(), passwordForm(DemoData.CLIENT_ID)))
                .get("refresh_token");
        assertThat(issuer.isRefreshTokenActive(refreshToken)).isTrue();

        HttpResponse<String> revoked = http.postForm(issuer.revocationEndpoint(),
                Map.of("token", refreshToken, "token_type_hint", "refresh_token", "client_id", DemoData.CLIENT_ID));

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(issuer.isRefreshTokenActive(refreshToken)).isFalse();
        assertError(http.postForm(issuer.tokenEndpoint(), refreshForm(DemoData.CLIENT_ID, refreshToken)),
                400, "invalid_grant");
        assertThat(http.postForm(issuer.revocationEndpoint(),
                Map.of("token", "unknown", "client_id", DemoData.CLIENT_ID)).statusCode()).isEqualTo(200);
        assertError(http.postForm(issuer.revocationEndpoint(), Map.of("token", "x", "client_id", "nobody")),
                401, "invalid_client");
    }

    @Test
    void userinfoAnswersForAnAccessToken() throws Exception {
        String accessToken = (String) okJson(http.postForm(issuer.tokenEndpoint(), passwordForm(DemoData.CLIENT_ID)))
                .get("access_token");
        var userinfo = java.net.URI.create(issuer.tokenEndpoint().toString().replace("/token", "/userinfo"));

        HttpResponse<String> response = http.get(userinfo, "Bearer " + accessToken);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(IssuerHttp.json(response)).containsEntry("email", DemoData.EMAIL)
                .containsEntry("sub", DemoData.ALICE.subject());
        String idToken = issuer.signIdToken(issuer.idTokenClaims(DemoData.USER, DemoData.CLIENT_ID));
        assertThat(http.get(userinfo, "Bearer " + idToken).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenRequestsAreCountedAndRecordedWithoutSecrets() throws Exception {
        int before = issuer.tokenRequests("password");
        Map<String, String> form = new LinkedHashMap<>(passwordForm(DemoData.CONFIDENTIAL_CLIENT_ID));
        form.put("client_secret", DemoData.CLIENT_SECRET);
        form.put("audience", "kube-api");
        okJson(http.postForm(issuer.tokenEndpoint(), form));

        assertThat(issuer.tokenRequests("password")).isGreaterThan(before);
        assertThat(issuer.tokenRequestParameters()).anySatisfy(parameters -> assertThat(parameters)
                .containsEntry("audience", "kube-api")
                .containsEntry("client_id", DemoData.CONFIDENTIAL_CLIENT_ID)
                .containsEntry("password", EmbeddedIssuer.redactedValue())
                .containsEntry("client_secret", EmbeddedIssuer.redactedValue()));
        assertThat(issuer.tokenRequestParameters().toString())
                .doesNotContain(DemoData.PASSWORD, DemoData.CLIENT_SECRET);
    }

    @Test
    void cannedAnswerIsGivenOnce() throws Exception {
        issuer.answerNextTokenRequestWith(502, "text/html", "<html>Bad Gateway</html>");

        HttpResponse<String> canned = http.postForm(issuer.tokenEndpoint(), passwordForm(DemoData.CLIENT_ID));
        HttpResponse<String> real = http.postForm(issuer.tokenEndpoint(), passwordForm(DemoData.CLIENT_ID));

        assertThat(canned.statusCode()).isEqualTo(502);
        assertThat(canned.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(canned.body()).isEqualTo("<html>Bad Gateway</html>");
        assertThat(real.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsAndMethodsAreRefused() throws Exception {
        var base = issuer.issuerUrl().toString();
        assertThat(http.get(java.net.URI.create(base + "/nothing")).statusCode()).isEqualTo(404);
        assertThat(http.get(java.net.URI.create(base + "/tokens")).statusCode()).isEqualTo(404);
        HttpResponse<String> getToken = http.get(issuer.tokenEndpoint());
        assertThat(getToken.statusCode()).isEqualTo(405);
        assertThat(getToken.headers().firstValue("Allow")).hasValue("POST");
    }

    // --- helpers ---

    static Map<String, String> passwordForm(String clientId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("username", DemoData.USER);
        form.put("password", DemoData.PASSWORD);
        form.put("scope", "openid email groups");
        if (clientId != null) {
            form.put("client_id", clientId);
        }
        return form;
    }

    static Map<String, String> refreshForm(String clientId, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        if (clientId != null) {
            form.put("client_id", clientId);
        }
        return form;
    }

    static Map<String, Object> okJson(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        return IssuerHttp.json(response);
    }

    static void assertError(HttpResponse<String> response, int status, String error) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(IssuerHttp.json(response)).containsEntry("error", error).containsKey("error_description");
    }

    /** Verifies like a relying party: signature against the served JWKS, RS256 only, standard claim checks. */
    JWTClaimsSet verify(String idToken) throws Exception {
        return verify(issuer, http, idToken);
    }

    static JWTClaimsSet verify(EmbeddedIssuer issuer, IssuerHttp http, String idToken) throws Exception {
        JWKSet jwks = JWKSet.parse(http.get(issuer.jwksUrl()).body());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks)));
        return processor.process(idToken, null);
    }
}
