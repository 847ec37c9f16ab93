package io.github.kubesignin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.issuer.IssuerClient;
import io.github.kubesignin.testing.RunningIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code login} against the embedded issuer, for each client kind and each failure the issue names. */
class LoginCommandTest {
    @RegisterExtension
    static final RunningIssuer demo = RunningIssuer.of(() -> EmbeddedIssuer.demo().client(new IssuerClient("no-password", "np-secret", Set.of("refresh_token"))));

    @TempDir
    static Path shared;

    @TempDir
    Path home;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(home);
    }

    private void addPublicProfile(String... extra) {
        String[] base = {"profile", "add", "demo", "--issuer", demo.issuer().issuerUrl().toString(), "--client-id", DemoData.CLIENT_ID,
                "--public", "--ca-file", demo.caFile().toString(), "--username-claim", "email"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra)).toArray(String[]::new);
        assertThat(cli.run(args).exitCode()).isZero();
    }

    private CliHarness.Result login(String user, String password) {
        return cli.runWithStdin(password + "\n", "login", "--profile", "demo", "--username", user, "--password-stdin");
    }

    @Test
    void signsInWithAPublicClientAndSaysWhoAndUntilWhen() {
        addPublicProfile();
        CliHarness.Result result = login(DemoData.USER, DemoData.PASSWORD);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Signed in to 'demo' as alice@example.com", "developers, kube-admins", "(in 4m 5")
                .contains("with the refresh token in the OS keychain");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void asksOnTheTerminalWhenNoPasswordIsPiped() {
        addPublicProfile("--username", DemoData.USER);
        cli.terminal = CliHarness.typing(DemoData.PASSWORD);
        CliHarness.Result result = cli.run("login", "--profile", "demo");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("alice@example.com");
    }

    @Test
    void withoutATerminalItSaysToUsePasswordStdin() {
        addPublicProfile("--username", DemoData.USER);
        CliHarness.Result result = cli.run("login", "--profile", "demo");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("kubesignin: no terminal to ask for the password: use --password-stdin\n");
    }

    @Test
    void confidentialClientWithSecretBasicAndSecretPost() {
        for (String method : new String[] {"basic", "post"}) {
            CliHarness.Result added = cli.runWithStdin(DemoData.CLIENT_SECRET + "\n", "profile", "add", "demo",
                    "--issuer", demo.issuer().issuerUrl().toString(), "--client-id", DemoData.CONFIDENTIAL_CLIENT_ID,
                    "--client-secret-stdin", "--auth-method", method, "--ca-file", demo.caFile().toString());
            assertThat(added.exitCode()).as(added.err()).isZero();
            CliHarness.Result result = login(DemoData.USER, DemoData.PASSWORD);
            assertThat(result.exitCode()).as(method + ": " + result.err()).isZero();
            assertThat(demo.issuer().tokenRequestClientAuthentication()).as(method).last().isEqualTo("client_secret_" + method);
        }
    }

    @Test
    void extraParametersReachTheTokenEndpoint() {
        addPublicProfile("--param", "audience=https://kube.example.com");
        assertThat(login(DemoData.USER, DemoData.PASSWORD).exitCode()).isZero();
        assertThat(demo.issuer().tokenRequestParameters()).last().satisfies(p -> assertThat(p).containsEntry("audience", "https://kube.example.com"));
    }

    @Test
    void wrongPassword() {
        addPublicProfile();
        CliHarness.Result result = login(DemoData.USER, "not-the-password");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("kubesignin: wrong username or password (the issuer said: invalid_grant");
        assertThat(result.err()).doesNotContain("not-the-password").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void passwordGrantNotEnabledForTheClient() {
        cli.runWithStdin("np-secret\n", "profile", "add", "demo", "--issuer", demo.issuer().issuerUrl().toString(),
                "--client-id", "no-password", "--client-secret-stdin", "--ca-file", demo.caFile().toString());
        CliHarness.Result result = login(DemoData.USER, DemoData.PASSWORD);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("the password grant is not enabled for client 'no-password'");
    }

    @Test
    void wrongClientSecret() {
        cli.runWithStdin("wrong-secret\n", "profile", "add", "demo", "--issuer", demo.issuer().issuerUrl().toString(),
                "--client-id", DemoData.CONFIDENTIAL_CLIENT_ID, "--client-secret-stdin", "--ca-file", demo.caFile().toString());
        CliHarness.Result result = login(DemoData.USER, DemoData.PASSWORD);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("the client id or client secret is wrong").doesNotContain("wrong-secret");
    }

    @Test
    void unknownCertificateAuthority() {
        cli.run("profile", "add", "demo", "--issuer", demo.issuer().issuerUrl().toString(), "--client-id", DemoData.CLIENT_ID, "--public");
        CliHarness.Result result = login(DemoData.USER, DemoData.PASSWORD);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("is not trusted: its certificate authority is unknown: give the issuer's CA with --ca-file");
    }

    @Test
    void connectionRefused() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        cli.run("profile", "add", "demo", "--issuer", "https://127.0.0.1:" + closedPort, "--client-id", "x", "--public");
        CliHarness.Result result = login(DemoData.USER, DemoData.PASSWORD);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("cannot connect to https://127.0.0.1:" + closedPort, "connection refused", "is the issuer running");
    }

    @Test
    void timeout() {
        addPublicProfile();
        demo.issuer().delayResponses(Duration.ofSeconds(5));
        try {
            CliHarness.Result result = login(DemoData.USER, DemoData.PASSWORD);
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("no answer from " + demo.issuer().issuerUrl(), "within 3 s");
        } finally {
            demo.issuer().delayResponses(Duration.ZERO);
        }
    }

    @Test
    void nonJsonAnswer() {
        addPublicProfile();
        demo.issuer().answerNextTokenRequestWith(502, "text/html", "<html><body>Bad gateway</body></html>");
        CliHarness.Result result = login(DemoData.USER, DemoData.PASSWORD);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("did not answer with JSON (HTTP 502, text/html, starting '<html><body>Bad gateway");
    }

    @Test
    void noIdTokenWithoutTheOpenidScope() {
        addPublicProfile("--scopes", "email profile");
        CliHarness.Result result = login(DemoData.USER, DemoData.PASSWORD);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("the issuer returned no id_token: the scopes (email profile) must include 'openid'");
    }

    @Test
    void unverifiedEmailIsAWarning() {
        addPublicProfile();
        CliHarness.Result result = login(DemoData.UNVERIFIED_USER, DemoData.UNVERIFIED_PASSWORD);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("oidc: email not verified");
    }

    @Test
    void unknownProfileListsTheExistingOnes() {
        addPublicProfile();
        CliHarness.Result result = cli.run("login", "--profile", "prod", "--password-stdin");
        assertThat(result.err()).isEqualTo("kubesignin: no profile named 'prod'; existing profiles: demo\n");
    }

    @Test
    void discoverShowsTheEndpointsAndSaysWhenAllIsWell() {
        addPublicProfile();
        CliHarness.Result result = cli.run("profile", "discover", "demo");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("token endpoint:", demo.issuer().issuerUrl() + "/token", "grant types:", "password",
                "revocation endpoint:", "Looks good");
    }

    @Test
    void discoverWarnsAboutATrailingSlashAndExitsOne() throws Exception {
        try (EmbeddedIssuer slashed = EmbeddedIssuer.demo().issuerTrailingSlash(true).start()) {
            Path slashedCa = slashed.certificateAuthority().writeCertificatePem(shared.resolve("slashed.pem"));
            String withSlash = slashed.issuerUrl().toString();
            String without = withSlash.substring(0, withSlash.length() - 1);
            cli.run("profile", "add", "s", "--issuer", without, "--client-id", DemoData.CLIENT_ID, "--public", "--ca-file", slashedCa.toString());
            CliHarness.Result result = cli.run("profile", "discover", "s");
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("warning: the issuer calls itself '" + withSlash + "' but the profile says '" + without + "'",
                    "trailing slash");
        }
    }
}
