package io.github.kubesignin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.json.Json;
import io.github.kubesignin.profile.SecretKeys;
import io.github.kubesignin.testing.RunningIssuer;
import io.github.kubesignin.testing.TestBrowser;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profile add --sign-in}, {@code login} with the browser and device methods, and {@code get-token} starting
 * them only when a person is at the terminal, all against the embedded issuer with an HTTP client as the browser.
 */
class LoginFlowsCommandTest {
    @RegisterExtension
    static final RunningIssuer demo = RunningIssuer.of(() -> EmbeddedIssuer.demo().devicePollInterval(Duration.ofSeconds(1)));

    @TempDir
    Path home;

    CliHarness cli;
    final List<URI> opened = new CopyOnWriteArrayList<>();
    /** The redirects the browser followed home, each with its authorization code. */
    final List<String> redirects = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        cli = new CliHarness(home);
    }

    CliHarness.Result addProfile(String... signIn) {
        List<String> args = new ArrayList<>(List.of("profile", "add", "demo", "--issuer", demo.issuer().issuerUrl().toString(),
                "--client-id", DemoData.CLIENT_ID, "--public", "--ca-file", demo.caFile().toString(), "--username-claim", "email"));
        args.addAll(List.of(signIn));
        return cli.run(args.toArray(String[]::new));
    }

    /** A browser that signs alice in on the issuer's form and follows the redirect home, as a person would. */
    void aliceInTheBrowser() {
        TestBrowser browser = new TestBrowser(demo.caFile());
        cli.browser = url -> {
            opened.add(url);
            CompletableFuture.runAsync(() -> {
                TestBrowser.Page redirect = browser.submit(browser.open(url),
                        Map.of("username", DemoData.USER, "password", DemoData.PASSWORD, "action", "login"));
                redirects.add(redirect.location());
                browser.follow(redirect);
            });
            return true;
        };
    }

    /** Approves the next device code as alice once it shows up, as a person on a phone would. */
    CompletableFuture<String> aliceApprovesTheDevice() {
        return CompletableFuture.supplyAsync(() -> {
            for (int i = 0; i < 200; i++) {
                List<String> pending = demo.issuer().pendingUserCodes();
                if (!pending.isEmpty()) {
                    demo.issuer().approveDevice(pending.get(0), DemoData.USER);
                    return pending.get(0);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw new AssertionError("no device code appeared");
        });
    }

    @Test
    void theSignInMethodIsSavedAndShown() {
        assertThat(addProfile("--sign-in", "browser", "--redirect-port", "18555").exitCode()).isZero();
        assertThat(profilesFile()).contains("demo.sign-in=browser\n", "demo.redirect-port=18555\n");

        CliHarness.Result shown = cli.run("profile", "show", "demo", "--json");
        assertThat(Json.parseObject(shown.out())).containsEntry("signInMethod", "browser").containsEntry("redirectPort", 18555L);
        assertThat(cli.run("profile", "show", "demo").out()).contains("signInMethod:", "browser");

        // a re-add without the flags keeps them, like the client authentication
        assertThat(addProfile().exitCode()).isZero();
        assertThat(Json.parseObject(cli.run("profile", "show", "demo", "--json").out())).containsEntry("signInMethod", "browser");
    }

    @Test
    void badSignInSettingsAreRefusedAndNothingChanges() {
        assertThat(addProfile().exitCode()).isZero();
        String before = profilesFile();

        CliHarness.Result unknown = addProfile("--sign-in", "carrier-pigeon");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("--sign-in: unknown sign-in method 'carrier-pigeon' (expected password, browser or device)");

        CliHarness.Result privileged = addProfile("--sign-in", "browser", "--redirect-port", "80");
        assertThat(privileged.exitCode()).isEqualTo(1);
        assertThat(privileged.err()).contains("redirect port 80: ports below 1024 need administrator rights");

        CliHarness.Result outOfRange = addProfile("--sign-in", "browser", "--redirect-port", "70000");
        assertThat(outOfRange.err()).contains("redirect port 70000: must be between 1 and 65535");
        assertThat(profilesFile()).isEqualTo(before);
    }

    @Test
    void discoverSaysWhichMethodsTheIssuerOffers() {
        addProfile("--sign-in", "device");
        CliHarness.Result result = cli.run("profile", "discover", "demo");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("sign-in password:      yes", "sign-in browser:       yes",
                "sign-in device:        yes (the profile's)", "offers its sign-in method (device)");
    }

    @Test
    void browserLoginOpensTheBrowserAndKeepsTheSessionLikeAPasswordLogin() {
        addProfile("--sign-in", "browser");
        aliceInTheBrowser();
        cli.terminal = CliHarness.personAtTheTerminal();

        CliHarness.Result result = cli.run("login", "--profile", "demo");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(opened).hasSize(1);
        assertThat(result.err()).contains("your browser was opened to sign in to 'demo'", opened.get(0).toString());
        assertThat(result.out()).contains("Signed in to 'demo' as alice@example.com", "with the refresh token in the OS keychain");
        assertThat(cli.keychain.get(SecretKeys.refreshToken("demo"))).isPresent();
        assertThat(home.resolve(".cache/kubesignin/demo.session")).exists();
        String code = URI.create(redirects.get(0)).getQuery().replaceAll(".*code=([^&]*).*", "$1");
        assertThat(code).isNotBlank();
        assertThat(result.all()).doesNotContain(code, cli.keychain.get(SecretKeys.refreshToken("demo")).get());
        CliHarness.Result token = cli.run("get-token", "--profile", "demo");
        assertThat(token.exitCode()).isZero();
        assertThat(token.out()).contains("\"kind\":\"ExecCredential\"");
    }

    @Test
    void withoutATerminalOrWithNoBrowserOnlyTheAddressIsPrinted() {
        addProfile("--sign-in", "browser");
        aliceInTheBrowser();
        CliHarness.Result result = cli.run("login", "--profile", "demo", "--timeout", "1");

        assertThat(opened).isEmpty();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("open this address in a browser on this computer:",
                demo.issuer().authorizationEndpoint() + "?", "no answer from the browser within 0 minutes");

        cli.terminal = CliHarness.personAtTheTerminal();
        assertThat(cli.run("login", "--profile", "demo", "--no-browser", "--timeout", "1").exitCode()).isEqualTo(1);
        assertThat(opened).isEmpty();
    }

    @Test
    void deviceLoginShowsTheCodeAndPollsUntilApproved() throws Exception {
        addProfile("--sign-in", "device");
        CompletableFuture<String> approved = aliceApprovesTheDevice();

        CliHarness.Result result = cli.run("login", "--profile", "demo");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String userCode = approved.get();
        assertThat(result.err()).contains("open on any device:", demo.issuer().issuerUrl() + "/device/verify",
                "and enter the code:\n  " + userCode, "?user_code=" + userCode);
        assertThat(result.out()).contains("Signed in to 'demo' as alice@example.com");
        assertThat(result.all()).doesNotContain("device_code");
        assertThat(cli.keychain.get(SecretKeys.refreshToken("demo"))).isPresent();
    }

    @Test
    void methodOverrideAndPasswordOptionsDoNotMix() {
        addProfile();
        CliHarness.Result mixed = cli.runWithStdin("x\n", "login", "--profile", "demo", "--method", "device", "--password-stdin");
        assertThat(mixed.exitCode()).isEqualTo(1);
        assertThat(mixed.err()).contains("--username, --password-stdin and --remember-password are for the password method, not device");

        CompletableFuture<String> approved = aliceApprovesTheDevice();
        CliHarness.Result device = cli.run("login", "--profile", "demo", "--method", "device");
        assertThat(device.exitCode()).as(device.err()).isZero();
        assertThat(approved).isDone();
    }

    @Test
    void anUnsupportedMethodIsSaidBeforeAnythingStarts() {
        try (EmbeddedIssuer passwordOnly = EmbeddedIssuer.demo().advertisedGrantTypes(List.of("password", "refresh_token")).start()) {
            Path ca = passwordOnly.certificateAuthority().writeCertificatePem(home.resolve("po.pem"));
            assertThat(cli.run("profile", "add", "po", "--issuer", passwordOnly.issuerUrl().toString(), "--client-id",
                    DemoData.CLIENT_ID, "--public", "--ca-file", ca.toString(), "--sign-in", "browser").exitCode()).isZero();
            aliceInTheBrowser();
            cli.terminal = CliHarness.personAtTheTerminal();
            CliHarness.Result result = cli.run("login", "--profile", "po");
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("profile 'po' signs in with the browser method, but the issuer does not list"
                    + " the authorization code grant (authorization_code) in grant_types_supported");
            assertThat(opened).isEmpty();
        }
    }

    @Test
    void getTokenWithoutAPersonNeverOpensABrowserAndSaysWhatToRun() {
        addProfile("--sign-in", "browser");
        aliceInTheBrowser();
        cli.terminal = CliHarness.personAtTheTerminal();
        cli.environment.put("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"spec\":{\"interactive\":false}}");

        CliHarness.Result result = cli.run("get-token", "--profile", "demo");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("kubesignin: profile 'demo' needs a new sign-in: run 'kubesignin login --profile demo'"
                + " or open the kubesignin app\n");
        assertThat(opened).isEmpty();
    }

    @Test
    void getTokenWithAPersonStartsTheBrowserSignInAndPrintsOnlyTheCredential() {
        addProfile("--sign-in", "browser");
        aliceInTheBrowser();
        cli.terminal = CliHarness.personAtTheTerminal();
        cli.environment.put("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"spec\":{\"interactive\":true}}");

        CliHarness.Result result = cli.run("get-token", "--profile", "demo");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(opened).hasSize(1);
        Map<String, Object> credential = Json.parseObject(result.out());
        assertThat(credential).containsEntry("kind", "ExecCredential");
        assertThat(result.err()).contains("needs a new sign-in at " + demo.issuer().issuerUrl(), "your browser was opened");
    }

    @Test
    void getTokenWithKubectlSayingInteractiveButNoTerminalStillOpensNothing() {
        addProfile("--sign-in", "device");
        cli.environment.put("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"spec\":{\"interactive\":true}}");
        CliHarness.Result result = cli.run("get-token", "--profile", "demo");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("run 'kubesignin login --profile demo'");
        assertThat(demo.issuer().pendingUserCodes()).isEmpty();
    }

    private String profilesFile() {
        try {
            return Files.readString(home.resolve(".config/kubesignin/profiles.properties"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
