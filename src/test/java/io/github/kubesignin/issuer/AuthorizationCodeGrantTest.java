package io.github.kubesignin.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.testing.AdjustableClock;
import io.github.kubesignin.testing.TestBrowser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded issuer's authorization endpoint and its authorization_code grant, with raw requests: the rules a
 * client cannot be trusted to test for itself (PKCE verifier, single use, lifetime, redirect URI rules).
 */
class AuthorizationCodeGrantTest {
    static final String VERIFIER = "a-verifier-that-is-long-enough-for-rfc-7636-0123456789";
    static final String REDIRECT = "http://127.0.0.1:49152/callback";

    @TempDir
    static Path dir;

    static final AdjustableClock clock = AdjustableClock.startingNow();
    static EmbeddedIssuer issuer;
    static IssuerHttp http;
    static TestBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        issuer = EmbeddedIssuer.demo().clock(clock).start();
        http = new IssuerHttp(issuer.certificateAuthority());
        browser = new TestBrowser(issuer.certificateAuthority().writeCertificatePem(dir.resolve("ca.pem")));
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    static Map<String, String> request() {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", "code");
        request.put("client_id", DemoData.CLIENT_ID);
        request.put("redirect_uri", REDIRECT);
        request.put("scope", "openid email");
        request.put("state", "the-state");
        request.put("nonce", "the-nonce");
        request.put("code_challenge", AuthorizationCodes.s256(VERIFIER));
        request.put("code_challenge_method", "S256");
        return request;
    }

    static URI authorize(Map<String, String> request) {
        return URI.create(issuer.authorizationEndpoint() + "?" + IssuerHttp.encode(request));
    }

    /** Logs alice in on the form; returns the redirect's Location. */
    static String logIn(Map<String, String> request) {
        TestBrowser.Page redirect = browser.submit(browser.open(authorize(request)),
                Map.of("username", DemoData.USER, "password", DemoData.PASSWORD, "action", "login"));
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        return redirect.location();
    }

    static String code(String location) {
        String query = URI.create(location).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("code=")) {
                return java.net.URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no code in " + location);
    }

    static HttpResponse<String> redeem(String code, String verifier) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", DemoData.CLIENT_ID);
        form.put("code", code);
        form.put("redirect_uri", REDIRECT);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return http.postForm(issuer.tokenEndpoint(), form);
    }

    @Test
    void theRedirectCarriesCodeStateAndIssuer() {
        String location = logIn(request());
        assertThat(location).startsWith(REDIRECT + "?code=")
                .contains("&state=the-state", "&iss=" + URLEncoder.encode(issuer.issuerUrl().toString(), StandardCharsets.UTF_8));
    }

    @Test
    void theRightVerifierGetsTokensWithTheNonceOnce() throws Exception {
        String code = code(logIn(request()));
        HttpResponse<String> first = redeem(code, VERIFIER);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String idToken = (String) IssuerHttp.json(first).get("id_token");
        assertThat(com.nimbusds.jwt.SignedJWT.parse(idToken).getJWTClaimsSet().getStringClaim("nonce")).isEqualTo("the-nonce");

        HttpResponse<String> again = redeem(code, VERIFIER);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(IssuerHttp.json(again)).containsEntry("error", "invalid_grant")
                .containsEntry("error_description", "authorization code is unknown, expired or already used");
    }

    @Test
    void aWrongOrMissingVerifierIsRefusedAndUsesUpTheCode() throws Exception {
        String code = code(logIn(request()));
        HttpResponse<String> wrong = redeem(code, VERIFIER + "x");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(IssuerHttp.json(wrong)).containsEntry("error", "invalid_grant")
                .containsEntry("error_description", "code_verifier does not match the code_challenge (PKCE)");
        assertThat(redeem(code, VERIFIER).statusCode()).isEqualTo(400); // a guessed verifier must not get a second try

        HttpResponse<String> missing = redeem(code(logIn(request())), null);
        assertThat(IssuerHttp.json(missing)).containsEntry("error", "invalid_grant")
                .containsEntry("error_description", "code_verifier is missing (PKCE)");
    }

    @Test
    void aCodeExpiresAfterAMinute() throws Exception {
        String code = code(logIn(request()));
        clock.advance(Duration.ofSeconds(61));
        HttpResponse<String> late = redeem(code, VERIFIER);
        assertThat(IssuerHttp.json(late)).containsEntry("error", "invalid_grant");
    }

    @Test
    void pkceS256IsRequired() {
        Map<String, String> plain = request();
        plain.put("code_challenge_method", "plain");
        TestBrowser.Page answer = browser.openOnce(authorize(plain));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).startsWith(REDIRECT + "?error=invalid_request").contains("state=the-state");

        Map<String, String> none = request();
        none.remove("code_challenge");
        assertThat(browser.openOnce(authorize(none)).location()).startsWith(REDIRECT + "?error=invalid_request");
    }

    @Test
    void onlyResponseTypeCode() {
        Map<String, String> token = request();
        token.put("response_type", "token");
        assertThat(browser.openOnce(authorize(token)).location()).startsWith(REDIRECT + "?error=unsupported_response_type");
    }

    @Test
    void aBadClientOrRedirectUriIsShownAndNeverRedirectedTo() {
        Map<String, String> unknown = request();
        unknown.put("client_id", "nobody");
        TestBrowser.Page page = browser.openOnce(authorize(unknown));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isNull();
        assertThat(page.body()).contains("unknown client_id: nobody");

        for (String bad : new String[] {"https://evil.example/callback", "http://localhost:8000/callback",
                "http://10.0.0.1:8000/callback", "http://127.0.0.1/callback"}) {
            Map<String, String> request = request();
            request.put("redirect_uri", bad);
            TestBrowser.Page refused = browser.openOnce(authorize(request));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.location()).as(bad).isNull();
        }
        Map<String, String> anyPort = request();
        anyPort.put("redirect_uri", "http://[::1]:61000/cb");
        assertThat(browser.openOnce(authorize(anyPort)).status()).isEqualTo(200);
    }

    @Test
    void theCodeIsBoundToTheRedirectUri() throws Exception {
        String code = code(logIn(request()));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", DemoData.CLIENT_ID);
        form.put("code", code);
        form.put("redirect_uri", "http://127.0.0.1:1/other");
        form.put("code_verifier", VERIFIER);
        HttpResponse<String> answer = http.postForm(issuer.tokenEndpoint(), form);
        assertThat(IssuerHttp.json(answer)).containsEntry("error", "invalid_grant")
                .containsEntry("error_description", "redirect_uri differs from the one in the authorization request");
    }

    @Test
    void aClientWithoutTheCodeFlowIsToldByRedirect() {
        try (EmbeddedIssuer other = EmbeddedIssuer.demo().client(IssuerClient.publicClient("pw-only", IssuerClient.PASSWORD)).start()) {
            Map<String, String> request = request();
            request.put("client_id", "pw-only");
            TestBrowser.Page answer = new TestBrowser(writeCa(other)).openOnce(
                    URI.create(other.authorizationEndpoint() + "?" + IssuerHttp.encode(request)));
            assertThat(answer.location()).startsWith(REDIRECT + "?error=unauthorized_client");
        }
    }

    private static Path writeCa(EmbeddedIssuer other) {
        return other.certificateAuthority().writeCertificatePem(dir.resolve("other-" + other.port() + ".pem"));
    }
}
