package io.github.kubesignin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.kubesignin.interop.KeycloakServer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against a real Keycloak: each client kind and each error the issue names, with its message. */
class KeycloakLoginIT {
    @TempDir
    Path home;

    CliHarness cli;
    KeycloakServer keycloak;

    @BeforeEach
    void setUp() {
        assumeTrue(KeycloakServer.available(), KeycloakServer::unavailableReason);
        keycloak = KeycloakServer.get();
        cli = new CliHarness(home);
        cli.http = io.github.kubesignin.oidc.HttpSettings.DEFAULT;
    }

    private CliHarness.Result addConfidential(String clientId, String secret, String method) {
        return cli.runWithStdin(secret + "\n", "profile", "add", "kc", "--issuer", keycloak.issuer().toString(), "--client-id", clientId,
                "--client-secret-stdin", "--auth-method", method, "--ca-file", keycloak.caPem().toString(), "--username-claim", "email");
    }

    private CliHarness.Result login(String user, String password) {
        return cli.runWithStdin(password + "\n", "login", "--profile", "kc", "--username", user, "--password-stdin");
    }

    @Test
    void confidentialClientWithBasicAndPost() {
        for (String method : new String[] {"basic", "post"}) {
            assertThat(addConfidential(KeycloakServer.CONFIDENTIAL_CLIENT, KeycloakServer.CONFIDENTIAL_CLIENT_SECRET, method).exitCode()).isZero();
            CliHarness.Result result = login(KeycloakServer.ALICE, KeycloakServer.ALICE_PASSWORD);
            assertThat(result.exitCode()).as(method + ": " + result.err()).isZero();
            assertThat(result.out()).contains("as " + KeycloakServer.ALICE_EMAIL, KeycloakServer.DEVELOPERS_GROUP, "with the refresh token in the OS keychain");
            assertThat(result.err()).isEmpty();
        }
    }

    @Test
    void publicClient() {
        cli.run("profile", "add", "kc", "--issuer", keycloak.issuer().toString(), "--client-id", KeycloakServer.PUBLIC_CLIENT,
                "--public", "--ca-file", keycloak.caPem().toString(), "--username-claim", "email");
        CliHarness.Result result = login(KeycloakServer.ALICE, KeycloakServer.ALICE_PASSWORD);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("as " + KeycloakServer.ALICE_EMAIL);
    }

    @Test
    void discoveryFindsNothingWrong() {
        addConfidential(KeycloakServer.CONFIDENTIAL_CLIENT, KeycloakServer.CONFIDENTIAL_CLIENT_SECRET, "basic");
        CliHarness.Result result = cli.run("profile", "discover", "kc");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("password", "Looks good");
    }

    @Test
    void clientWithoutThePasswordGrant() {
        addConfidential(KeycloakServer.NO_PASSWORD_CLIENT, KeycloakServer.NO_PASSWORD_CLIENT_SECRET, "basic");
        CliHarness.Result result = login(KeycloakServer.ALICE, KeycloakServer.ALICE_PASSWORD);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("the password grant is not enabled for client 'kube-no-password'", "Direct access grants");
    }

    @Test
    void wrongPassword() {
        addConfidential(KeycloakServer.CONFIDENTIAL_CLIENT, KeycloakServer.CONFIDENTIAL_CLIENT_SECRET, "basic");
        CliHarness.Result result = login(KeycloakServer.ALICE, "not-alices-password");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("kubesignin: wrong username or password (the issuer said: invalid_grant");
    }

    @Test
    void wrongClientSecret() {
        addConfidential(KeycloakServer.CONFIDENTIAL_CLIENT, "not-the-secret", "basic");
        CliHarness.Result result = login(KeycloakServer.ALICE, KeycloakServer.ALICE_PASSWORD);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("the client id or client secret is wrong for 'kube-confidential'").doesNotContain("not-the-secret");
    }

    @Test
    void unverifiedEmailIsAWarning() {
        addConfidential(KeycloakServer.CONFIDENTIAL_CLIENT, KeycloakServer.CONFIDENTIAL_CLIENT_SECRET, "post");
        CliHarness.Result result = login(KeycloakServer.BOB, KeycloakServer.BOB_PASSWORD);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("as " + KeycloakServer.BOB_EMAIL);
        assertThat(result.err()).contains("oidc: email not verified");
    }

    @Test
    void keycloaksCaIsNeeded() {
        cli.run("profile", "add", "kc", "--issuer", keycloak.issuer().toString(), "--client-id", KeycloakServer.PUBLIC_CLIENT, "--public");
        CliHarness.Result result = login(KeycloakServer.ALICE, KeycloakServer.ALICE_PASSWORD);
        assertThat(result.err()).contains("is not trusted: its certificate authority is unknown");
    }

    @Test
    void theSessionRenewsThroughKeycloakAfterTheIdTokenExpired() throws Exception {
        addConfidential(KeycloakServer.CONFIDENTIAL_CLIENT, KeycloakServer.CONFIDENTIAL_CLIENT_SECRET, "basic");
        assertThat(login(KeycloakServer.ALICE, KeycloakServer.ALICE_PASSWORD).exitCode()).isZero();
        String signedInToken = cachedToken();
        String refreshToken = cli.keychain.get(io.github.kubesignin.profile.SecretKeys.refreshToken("kc")).orElseThrow();
        Path kubeconfig = home.resolve("kc.yaml");
        CliHarness.Result written = cli.run("kubeconfig", "write", "--profile", "kc", "--kubeconfig", kubeconfig.toString(),
                "--server", "https://127.0.0.1:6443", "--set-current");
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(java.nio.file.Files.readString(kubeconfig)).contains("get-token").doesNotContain(refreshToken);

        // the realm's id_tokens live 60 s: two minutes on, the cached one is expired
        cli.clock = java.time.Clock.offset(java.time.Clock.systemDefaultZone(), java.time.Duration.ofMinutes(2));
        CliHarness.Result credential = cli.run("get-token", "--profile", "kc");

        assertThat(credential.exitCode()).as(credential.err()).isZero();
        assertThat(credential.out()).contains("\"kind\":\"ExecCredential\"");
        assertThat(cachedToken()).isNotEqualTo(signedInToken);
        assertThat(credential.out()).contains(cachedToken());
    }

    private String cachedToken() throws java.io.IOException {
        return (String) io.github.kubesignin.json.Json.parseObject(
                java.nio.file.Files.readString(home.resolve(".cache/kubesignin/kc.json"))).get("idToken");
    }
}
