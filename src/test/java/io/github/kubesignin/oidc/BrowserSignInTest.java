package io.github.kubesignin.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.SignInMethod;
import io.github.kubesignin.profile.SignInSettings;
import io.github.kubesignin.testing.RunningIssuer;
import io.github.kubesignin.testing.TestBrowser;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The browser sign-in (authorization code + PKCE, loopback redirect) end to end, an HTTP client playing the browser. */
class BrowserSignInTest {
    @RegisterExtension
    static final RunningIssuer demo = RunningIssuer.demo();

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    final OidcClient client = new OidcClient(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5)));

    Profile profile() {
        return new Profile("demo", demo.issuer().issuerUrl(), DemoData.CLIENT_ID, ClientAuthentication.PUBLIC,
                Profile.DEFAULT_SCOPES, Map.of(), "email", "groups", demo.caFile(), null)
                .withSignIn(SignInSettings.of(SignInMethod.BROWSER));
    }

    TestBrowser browser() {
        return new TestBrowser(demo.caFile());
    }

    /** Logs in on the issuer's form and returns the redirect to the loopback listener, not yet followed. */
    TestBrowser.Page logInOnTheForm(TestBrowser browser, URI authorizationUrl, String password) {
        TestBrowser.Page form = browser.open(authorizationUrl);
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.body()).contains("Sign in to the kubesignin demo issuer");
        return browser.submit(form, Map.of("username", DemoData.USER, "password", password, "action", "login"));
    }

    @Test
    void signsInThroughTheBrowserAndShowsAFriendlyPage() throws Exception {
        TestBrowser browser = browser();
        CompletableFuture<TestBrowser.Page> shown = new CompletableFuture<>();
        TokenSet tokens = client.signInWithBrowser(profile(), Optional.empty(), url -> CompletableFuture.runAsync(() -> {
            TestBrowser.Page redirect = logInOnTheForm(browser, url, DemoData.PASSWORD);
            assertThat(redirect.status()).isEqualTo(302);
            assertThat(redirect.location()).startsWith("http://127.0.0.1:").contains("/callback?code=", "&state=");
            shown.complete(browser.follow(redirect));
        }).exceptionally(e -> {
            shown.completeExceptionally(e);
            return null;
        }), Duration.ofSeconds(20), new SignInCancellation());

        assertThat(tokens.idTokenClaims()).containsEntry("email", DemoData.EMAIL).containsKey("nonce");
        assertThat(tokens.refreshToken()).isPresent();
        TestBrowser.Page page = shown.get(10, TimeUnit.SECONDS);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("You are signed in to kubesignin, you can close this tab");
        Map<String, String> exchange = demo.issuer().tokenRequestParameters().get(demo.issuer().tokenRequestParameters().size() - 1);
        assertThat(exchange).containsEntry("grant_type", "authorization_code")
                .containsEntry("code_verifier", EmbeddedIssuer.redactedValue()).containsKey("redirect_uri");
    }

    @Test
    void theAuthorizationUrlCarriesPkceS256StateAndNonce() {
        BrowserAuthorization started = client.startBrowserSignIn(profile(), URI.create("http://127.0.0.1:5555/callback"));
        String query = started.authorizationUrl().getRawQuery();
        assertThat(started.authorizationUrl().toString()).startsWith(demo.issuer().authorizationEndpoint().toString());
        assertThat(query).contains("response_type=code", "client_id=kubesignin", "code_challenge_method=S256",
                "code_challenge=", "state=", "nonce=", "redirect_uri=http%3A%2F%2F127.0.0.1%3A5555%2Fcallback");
        assertThat(query).doesNotContain(started.codeVerifier());
        assertThat(started.toString()).doesNotContain(started.codeVerifier(), started.nonce(), started.state());
    }

    @Test
    void aWrongPasswordShowsTheFormAgain() {
        BrowserAuthorization started = client.startBrowserSignIn(profile(), URI.create("http://127.0.0.1:5555/callback"));
        TestBrowser.Page again = logInOnTheForm(browser(), started.authorizationUrl(), "wrong");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("Wrong username or password.");
    }

    @Test
    void anAnswerWithAnotherStateIsRefused() {
        BrowserAuthorization started = client.startBrowserSignIn(profile(), URI.create("http://127.0.0.1:5555/callback"));
        TestBrowser.Page redirect = logInOnTheForm(browser(), started.authorizationUrl(), DemoData.PASSWORD);
        URI forged = URI.create(redirect.location().replaceAll("state=[^&]*", "state=forged"));

        OidcException e = catchThrowableOfType(OidcException.class,
                () -> client.finishBrowserSignIn(profile(), Optional.empty(), started, forged));
        assertThat(e.problem()).isEqualTo(OidcProblem.STATE_MISMATCH);
        assertThat(e).hasMessageContaining("does not belong to this sign-in (its state differs)");
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() {
        BrowserAuthorization started = client.startBrowserSignIn(profile(), URI.create("http://127.0.0.1:5555/callback"));
        demo.issuer().replaceNextNonce("a-nonce-from-another-sign-in");
        TestBrowser.Page redirect = logInOnTheForm(browser(), started.authorizationUrl(), DemoData.PASSWORD);

        OidcException e = catchThrowableOfType(OidcException.class,
                () -> client.finishBrowserSignIn(profile(), Optional.empty(), started, URI.create(redirect.location())));
        assertThat(e.problem()).isEqualTo(OidcProblem.STATE_MISMATCH);
        assertThat(e).hasMessageContaining("nonce is not the one this sign-in sent");
    }

    @Test
    void aCodeWorksOnlyOnce() {
        BrowserAuthorization started = client.startBrowserSignIn(profile(), URI.create("http://127.0.0.1:5555/callback"));
        URI callback = URI.create(logInOnTheForm(browser(), started.authorizationUrl(), DemoData.PASSWORD).location());
        assertThat(client.finishBrowserSignIn(profile(), Optional.empty(), started, callback).idToken()).isNotBlank();

        OidcException e = catchThrowableOfType(OidcException.class,
                () -> client.finishBrowserSignIn(profile(), Optional.empty(), started, callback));
        assertThat(e).hasMessageContaining("refused the authorization code").hasMessageContaining("already used");
    }

    @Test
    void cancellingOnTheFormIsAccessDeniedAndTheTabSaysSo() throws Exception {
        TestBrowser browser = browser();
        CompletableFuture<TestBrowser.Page> shown = new CompletableFuture<>();
        OidcException e = catchThrowableOfType(OidcException.class, () -> client.signInWithBrowser(profile(), Optional.empty(),
                url -> CompletableFuture.runAsync(() -> {
                    TestBrowser.Page form = browser.open(url);
                    shown.complete(browser.follow(browser.submit(form, Map.of("action", "cancel"))));
                }), Duration.ofSeconds(20), new SignInCancellation()));

        assertThat(e.problem()).isEqualTo(OidcProblem.ACCESS_DENIED);
        assertThat(e).hasMessageContaining("the sign-in was denied in the browser");
        assertThat(shown.get(10, TimeUnit.SECONDS).body()).contains("Sign-in failed", "could not sign you in");
    }

    @Test
    void noAnswerFromTheBrowserTimesOut() {
        OidcException e = catchThrowableOfType(OidcException.class, () -> client.signInWithBrowser(profile(), Optional.empty(),
                url -> { }, Duration.ofMillis(300), new SignInCancellation()));
        assertThat(e.problem()).isEqualTo(OidcProblem.EXPIRED);
        assertThat(e).hasMessageContaining("no answer from the browser");
    }

    @Test
    void cancelStopsTheWaitAndFreesThePort() throws Exception {
        SignInCancellation cancellation = new SignInCancellation();
        CompletableFuture<URI> opened = new CompletableFuture<>();
        CompletableFuture<OidcException> failure = CompletableFuture.supplyAsync(() -> catchThrowableOfType(OidcException.class,
                () -> client.signInWithBrowser(profile(), Optional.empty(), opened::complete, Duration.ofMinutes(5), cancellation)));
        opened.get(10, TimeUnit.SECONDS);
        cancellation.cancel();

        OidcException e = failure.get(5, TimeUnit.SECONDS);
        assertThat(e.problem()).isEqualTo(OidcProblem.CANCELLED);
    }

    @Test
    void aFixedRedirectPortIsUsed() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Profile fixed = profile().withSignIn(new SignInSettings(SignInMethod.BROWSER, port));
        CompletableFuture<URI> opened = new CompletableFuture<>();
        SignInCancellation cancellation = new SignInCancellation();
        CompletableFuture.runAsync(() -> catchThrowableOfType(OidcException.class,
                () -> client.signInWithBrowser(fixed, Optional.empty(), opened::complete, Duration.ofSeconds(20), cancellation)));
        try {
            assertThat(opened.get(10, TimeUnit.SECONDS).getRawQuery())
                    .contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A" + port + "%2Fcallback");
        } finally {
            cancellation.cancel();
        }
    }

    @Test
    void aFixedPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Profile fixed = profile().withSignIn(new SignInSettings(SignInMethod.BROWSER, taken.getLocalPort()));
            OidcException e = catchThrowableOfType(OidcException.class, () -> client.signInWithBrowser(fixed, Optional.empty(),
                    url -> { }, Duration.ofSeconds(1), new SignInCancellation()));
            assertThat(e).hasMessageContaining("the redirect port " + taken.getLocalPort() + " on 127.0.0.1 is in use");
        }
    }

    @Test
    void anIssuerWithoutTheCodeFlowIsToldBeforeAnythingOpens() {
        try (EmbeddedIssuer passwordOnly = EmbeddedIssuer.demo().advertisedGrantTypes(List.of("password", "refresh_token")).start()) {
            Profile p = new Profile("demo", passwordOnly.issuerUrl(), DemoData.CLIENT_ID, ClientAuthentication.PUBLIC,
                    Profile.DEFAULT_SCOPES, Map.of(), "email", "groups", demo.caFile(), null)
                    .withSignIn(SignInSettings.of(SignInMethod.BROWSER));
            java.nio.file.Path ca = passwordOnly.certificateAuthority().writeCertificatePem(
                    dir.resolve("password-only-ca.pem"));
            Profile trusted = new Profile(p.name(), p.issuer(), p.clientId(), p.authentication(), p.scopes(), p.extraParameters(),
                    p.usernameClaim(), p.groupsClaim(), ca, null).withSignIn(p.signIn());
            List<URI> opened = new java.util.ArrayList<>();
            OidcException e = catchThrowableOfType(OidcException.class, () -> client.signInWithBrowser(trusted, Optional.empty(),
                    opened::add, Duration.ofSeconds(1), new SignInCancellation()));
            assertThat(e.problem()).isEqualTo(OidcProblem.METHOD_NOT_SUPPORTED);
            assertThat(e).hasMessageContaining("signs in with the browser method, but the issuer does not list the authorization code grant")
                    .hasMessageContaining("choose one the issuer offers (password)");
            assertThat(opened).isEmpty();
        }
    }
}
