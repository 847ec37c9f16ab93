package io.github.kubesignin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.json.Json;
import io.github.kubesignin.profile.SecretKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code get-token} and {@code logout} as kubectl and a person use them, against the embedded issuer. */
class GetTokenCommandTest {
    @TempDir
    Path home;

    EmbeddedIssuer issuer;
    CliHarness cli;

    @BeforeEach
    void setUp() throws Exception {
        issuer = EmbeddedIssuer.demo().rotateRefreshTokens(true).start();
        Path ca = issuer.certificateAuthority().writeCertificatePem(home.resolve("ca.pem"));
        cli = new CliHarness(home);
        cli.run("profile", "add", "demo", "--issuer", issuer.issuerUrl().toString(), "--client-id", DemoData.CLIENT_ID,
                "--public", "--ca-file", ca.toString(), "--username-claim", "email", "--username", DemoData.USER);
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    private void login() {
        CliHarness.Result result = cli.runWithStdin(DemoData.PASSWORD + "\n", "login", "--profile", "demo", "--password-stdin");
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    private Map<String, Object> credential(CliHarness.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines().count()).isEqualTo(1);
        return Json.parseObject(result.out());
    }

    @SuppressWarnings("unchecked")
    private static String token(Map<String, Object> credential) {
        return (String) ((Map<String, Object>) credential.get("status")).get("token");
    }

    @Test
    void printsOneExecCredentialFromTheCacheWithoutTheKeychainOrTheIssuer() {
        login();
        int requests = issuer.tokenRequests("refresh_token") + issuer.tokenRequests("password");
        cli.secrets = () -> {
            throw new AssertionError("the keychain must not be opened while the cached token is valid");
        };

        Map<String, Object> credential = credential(cli.run("get-token", "--profile", "demo"));

        assertThat(credential).containsEntry("kind", "ExecCredential").containsEntry("apiVersion", "client.authentication.k8s.io/v1");
        assertThat(credential.get("status").toString()).containsPattern("expirationTimestamp=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(token(credential)).startsWith("eyJ");
        assertThat(issuer.tokenRequests("refresh_token") + issuer.tokenRequests("password")).isEqualTo(requests);
        assertThat(credential(cli.run("get-token", "--profile=demo"))).isEqualTo(credential);
        assertThat(credential(cli.run("--verbose", "get-token", "--profile", "demo"))).isEqualTo(credential);
    }

    @Test
    void echoesTheApiVersionKubectlAsksFor() {
        login();
        cli.environment.put("KUBERNETES_EXEC_INFO",
                "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"spec\":{\"interactive\":false}}");
        assertThat(credential(cli.run("get-token", "--profile", "demo"))).containsEntry("apiVersion", "client.authentication.k8s.io/v1beta1");

        cli.environment.put("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"client.authentication.k8s.io/v2\"}");
        CliHarness.Result unsupported = cli.run("get-token", "--profile", "demo");
        assertThat(unsupported.exitCode()).isEqualTo(1);
        assertThat(unsupported.err()).contains("kubesignin speaks client.authentication.k8s.io/v1 and");
    }

    @Test
    void anExpiredTokenIsRefreshedAndTheRotatedRefreshTokenKept() {
        login();
        String oldRefresh = cli.keychain.get(SecretKeys.refreshToken("demo")).orElseThrow();
        credential(cli.run("get-token", "--profile", "demo"));
        assertThat(issuer.tokenRequests("refresh_token")).isZero();

        cli.clock = Clock.offset(Clock.systemDefaultZone(), Duration.ofMinutes(10));
        assertThat(token(credential(cli.run("get-token", "--profile", "demo")))).startsWith("eyJ");

        assertThat(issuer.tokenRequests("refresh_token")).isEqualTo(1);
        assertThat(issuer.isRefreshTokenActive(oldRefresh)).isFalse();
        assertThat(cli.keychain.get(SecretKeys.refreshToken("demo"))).hasValueSatisfying(r -> assertThat(issuer.isRefreshTokenActive(r)).isTrue());
    }

    @Test
    void withoutASessionItSaysWhatToRunAndPrintsNothingOnStdout() {
        CliHarness.Result result = cli.run("get-token", "--profile", "demo");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().toList()).singleElement().asString()
                .startsWith("kubesignin: profile 'demo' needs a new sign-in").contains("run 'kubesignin login --profile demo'");
    }

    @Test
    void interactiveKubectlLetsItAskForThePasswordOnTheTerminal() {
        cli.environment.put("KUBERNETES_EXEC_INFO",
                "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\",\"spec\":{\"interactive\":true}}");
        cli.terminal = CliHarness.typing(DemoData.PASSWORD);
        CliHarness.Result result = cli.run("get-token", "--profile", "demo");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Json.parseObject(result.out())).containsEntry("kind", "ExecCredential");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void logoutRevokesAndForgetsTheSession() {
        login();
        String refresh = cli.keychain.get(SecretKeys.refreshToken("demo")).orElseThrow();

        CliHarness.Result logout = cli.run("logout", "--profile", "demo");

        assertThat(logout.exitCode()).as(logout.err()).isZero();
        assertThat(logout.out()).contains("demo");
        assertThat(issuer.isRefreshTokenActive(refresh)).isFalse();
        assertThat(cli.keychain.get(SecretKeys.refreshToken("demo"))).isEmpty();
        assertThat(cli.run("get-token", "--profile", "demo").err()).contains("needs a new sign-in");
        assertThat(cli.run("logout", "--all").exitCode()).isZero();
        assertThat(cli.run("logout").exitCode()).isEqualTo(2);
    }

    @Test
    void rememberedPasswordRenewsWhenThereIsNoRefreshToken() throws Exception {
        try (EmbeddedIssuer noRefresh = EmbeddedIssuer.demo().issueRefreshTokens(false).start()) {
            Path ca = noRefresh.certificateAuthority().writeCertificatePem(home.resolve("ca2.pem"));
            cli.run("profile", "add", "auth0like", "--issuer", noRefresh.issuerUrl().toString(), "--client-id", DemoData.CLIENT_ID,
                    "--public", "--ca-file", ca.toString(), "--username", DemoData.USER);
            CliHarness.Result login = cli.runWithStdin(DemoData.PASSWORD + "\n", "login", "--profile", "auth0like", "--password-stdin", "--remember-password");
            assertThat(login.out()).contains("with the password remembered in the OS keychain");

            cli.clock = Clock.offset(Clock.systemDefaultZone(), Duration.ofMinutes(10));
            assertThat(credential(cli.run("get-token", "--profile", "auth0like"))).containsEntry("kind", "ExecCredential");
            assertThat(noRefresh.tokenRequests("password")).isEqualTo(2);
        }
    }
}
