package io.github.kubesignin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.kubesignin.interop.KeycloakServer;
import io.github.kubesignin.json.Json;
import io.github.kubesignin.profile.SecretKeys;
import io.github.kubesignin.testing.TestBrowser;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser and device sign-ins against a real Keycloak (public clients {@code kube-native}: standard flow with
 * PKCE S256 required, and {@code kube-device}: the OAuth 2.0 Device Authorization Grant), with the JDK's HttpClient
 * filling in Keycloak's own pages.
 */
class KeycloakFlowsIT {
    private static final Pattern VERIFICATION = Pattern.compile("and enter the code:\\n  (\\S+)\\n\\(or open (\\S+) ,");

    @TempDir
    Path home;

    CliHarness cli;
    KeycloakServer keycloak;
    final List<TestBrowser.Page> pagesSeen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        assumeTrue(KeycloakServer.available(), KeycloakServer::unavailableReason);
        keycloak = KeycloakServer.get();
        cli = new CliHarness(home);
        cli.http = io.github.kubesignin.oidc.HttpSettings.DEFAULT;
        cli.terminal = CliHarness.personAtTheTerminal();
    }

    /** kube-native: standard flow with PKCE S256 enforced; kube-device: the device grant (Keycloak would want PKCE there too). */
    private void addProfile(String method) {
        String client = method.equals("device") ? "kube-device" : "kube-native";
        CliHarness.Result added = cli.run("profile", "add", "kc", "--issuer", keycloak.issuer().toString(), "--client-id", client,
                "--public", "--ca-file", keycloak.caPem().toString(), "--username-claim", "email", "--sign-in", method);
        assertThat(added.exitCode()).as(added.err()).isZero();
    }

    /** Signs alice in on whatever Keycloak shows: its login form, then a consent or "grant access" page if any. */
    private TestBrowser.Page signInOnKeycloaksPages(TestBrowser browser, TestBrowser.Page first) {
        TestBrowser.Page page = first;
        for (int step = 0; step < 5; step++) {
            pagesSeen.add(page);
            TestBrowser.Page answer;
            if (TestBrowser.hasField(page, "username")) {
                answer = browser.submit(page, Map.of("username", KeycloakServer.ALICE, "password", KeycloakServer.ALICE_PASSWORD));
            } else if (TestBrowser.hasField(page, "accept")) {
                answer = browser.submit(page, Map.of("accept", "Yes"));
            } else {
                return page;
            }
            if (answer.isRedirect() && answer.location().startsWith("http://127.0.0.1:")) {
                return answer; // the loopback redirect: the caller follows it to kubesignin
            }
            page = browser.follow(answer);
        }
        throw new AssertionError("Keycloak kept showing forms: " + page.body());
    }

    @Test
    void browserSignInThroughKeycloaksLoginPage() {
        addProfile("browser");
        TestBrowser browser = new TestBrowser(keycloak.caPem());
        List<URI> opened = new CopyOnWriteArrayList<>();
        CompletableFuture<TestBrowser.Page> finalPage = new CompletableFuture<>();
        cli.browser = url -> {
            opened.add(url);
            CompletableFuture.runAsync(() -> {
                TestBrowser.Page redirect = signInOnKeycloaksPages(browser, browser.open(url));
                assertThat(redirect.location()).contains("/callback?", "code=", "state=");
                finalPage.complete(browser.follow(redirect));
            }).exceptionally(e -> {
                finalPage.completeExceptionally(e);
                return null;
            });
            return true;
        };

        CliHarness.Result result = cli.run("login", "--profile", "kc");

        assertThat(result.exitCode()).as(result.err() + pagesSeen).isZero();
        assertThat(opened.get(0).toString()).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?")
                .contains("code_challenge_method=S256", "nonce=", "state=");
        assertThat(result.out()).contains("as " + KeycloakServer.ALICE_EMAIL, KeycloakServer.DEVELOPERS_GROUP,
                "with the refresh token in the OS keychain");
        assertThat(finalPage.join().body()).contains("You are signed in to kubesignin, you can close this tab");
        assertThat(cli.keychain.get(SecretKeys.refreshToken("kc"))).isPresent();
        CliHarness.Result credential = cli.run("get-token", "--profile", "kc");
        assertThat(Json.parseObject(credential.out())).containsEntry("kind", "ExecCredential");
    }

    @Test
    void deviceSignInWithKeycloaksVerificationPage() {
        addProfile("device");
        TestBrowser phone = new TestBrowser(keycloak.caPem());
        CompletableFuture<String> entered = CompletableFuture.supplyAsync(() -> {
            for (int i = 0; i < 300; i++) {
                Matcher shown = VERIFICATION.matcher(cli.liveErr.toString());
                if (shown.find()) {
                    // the address with the code filled in, as the QR code gives it to a phone. (Typing the code on
                    // Keycloak's plain verification page answered this HTTP client 401 invalid_client: not covered.)
                    TestBrowser.Page done = signInOnKeycloaksPages(phone, phone.open(URI.create(shown.group(2))));
                    assertThat(done.body()).contains("Device Login Successful");
                    return shown.group(1);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw new AssertionError("no user code was shown: " + cli.liveErr);
        });

        CliHarness.Result result = cli.run("login", "--profile", "kc");

        assertThat(result.exitCode()).as(result.err() + pagesSeen).isZero();
        assertThat(entered.join()).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(result.err()).contains(keycloak.issuer() + "/device");
        assertThat(result.out()).contains("as " + KeycloakServer.ALICE_EMAIL, "with the refresh token in the OS keychain");
    }

    @Test
    void discoveryOffersAllThreeMethods() {
        addProfile("browser");
        CliHarness.Result result = cli.run("profile", "discover", "kc");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("sign-in password:      yes", "sign-in browser:       yes (the profile's)",
                "sign-in device:        yes");
    }
}
