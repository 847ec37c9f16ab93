package io.github.kubesignin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.kubectl.TokenCheckingApiServer;
import io.github.kubesignin.testing.RunningIssuer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** doctor and cluster-config end to end: embedded issuer, a real sign-in, kubeconfig, and a local HTTPS API server. */
class DoctorCommandTest {
    @RegisterExtension
    static final RunningIssuer demo = RunningIssuer.demo();
    static TokenCheckingApiServer apiServer;

    @TempDir
    Path home;

    CliHarness cli;

    @BeforeAll
    static void start() throws Exception {
        apiServer = TokenCheckingApiServer.start(demo.issuer(), DemoData.CLIENT_ID);
    }

    @AfterAll
    static void stop() {
        apiServer.close();
    }

    @BeforeEach
    void signIn() {
        apiServer.forbidSelfSubjectReviews(false);
        cli = new CliHarness(home);
        ok(cli.run("profile", "add", "demo", "--issuer", demo.issuer().issuerUrl().toString(), "--client-id", DemoData.CLIENT_ID,
                "--public", "--ca-file", demo.caFile().toString(), "--username-claim", "email", "--username", DemoData.USER));
        ok(cli.runWithStdin(DemoData.PASSWORD + "\n", "login", "--profile", "demo", "--password-stdin"));
        ok(cli.run("kubeconfig", "write", "--profile", "demo", "--server", apiServer.url().toString(),
                "--certificate-authority", demo.caFile().toString(), "--set-current"));
    }

    private static CliHarness.Result ok(CliHarness.Result result) {
        assertThat(result.exitCode()).as(result.all()).isZero();
        return result;
    }

    private String token(Map<String, Object> changes) {
        Map<String, Object> claims = demo.issuer().idTokenClaims(DemoData.USER, DemoData.CLIENT_ID);
        claims.putAll(changes);
        return demo.issuer().signIdToken(claims);
    }

    @Test
    void acceptedAndTheClusterAgrees() {
        CliHarness.Result result = ok(cli.run("doctor", "--profile", "demo"));
        assertThat(result.out())
                .contains("[ok]   the signature verifies with the issuer's keys")
                .contains("[ok]   email_verified is true when present")
                .doesNotContain("[FAIL]")
                .contains("Verdict: accepted as user `alice@example.com` in groups `[developers, kube-admins]`")
                .contains("Live check (context demo, " + apiServer.url() + "): the cluster sees user `alice@example.com`"
                        + " in groups `[developers, kube-admins, system:authenticated]`");
    }

    @Test
    void aRejectedTokenIsExplainedOfflineAndTheClustersUnauthorizedToo() {
        CliHarness.Result result = cli.run("doctor", "--profile", "demo", "--token", token(Map.of("aud", "someone-else")));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
                .contains("[FAIL] aud contains the client id — aud [someone-else] has none of [kubesignin]")
                .contains("API server: oidc: verify token: oidc: expected audience in [\"kubesignin\"] got [\"someone-else\"]")
                .contains("Verdict: rejected: oidc: verify token: oidc: expected audience in")
                .contains("401 Unauthorized: the API server did not accept the token")
                .contains("likely causes:", "- oidc: verify token: oidc: expected audience in [\"kubesignin\"]");
    }

    @Test
    void forbiddenMeansSignedInButNotAllowed() {
        apiServer.forbidSelfSubjectReviews(true);
        CliHarness.Result result = ok(cli.run("doctor", "--profile", "demo"));
        assertThat(result.out()).contains("403 Forbidden: signed in, but RBAC does not allow it")
                .contains("User \"alice@example.com\" cannot create resource")
                .contains("kubesignin cluster-config --profile demo --format rbac");
    }

    @Test
    void offlineFromStdinNamesTheUnverifiedEmail() {
        CliHarness.Result result = cli.runWithStdin(token(Map.of("email_verified", false)) + "\n",
                "doctor", "--profile", "demo", "--token", "-", "--offline");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("[FAIL] email_verified is true when present")
                .contains("API server: oidc: email not verified", "fix: verify the email address at the identity provider")
                .doesNotContain("Live check", "signature");
    }

    @Test
    void theApiServerSettingsOfTheProfileAreUsedAndShown() {
        ok(cli.run("profile", "add", "demo", "--issuer", demo.issuer().issuerUrl().toString(), "--client-id", DemoData.CLIENT_ID,
                "--public", "--ca-file", demo.caFile().toString(), "--username-claim", "preferred_username", "--username-prefix", "oidc:",
                "--groups-prefix", "oidc:", "--required-claim", "azp=" + DemoData.CLIENT_ID, "--signing-alg", "RS256",
                "--audience", DemoData.CLIENT_ID, "--apiserver-issuer-url", demo.issuer().issuerUrl().toString()));
        assertThat(ok(cli.run("profile", "show", "demo")).out()).contains("usernamePrefix:", "oidc:", "requiredClaims:", "azp");
        CliHarness.Result result = ok(cli.run("doctor", "--profile", "demo", "--offline"));
        assertThat(result.out()).contains("[ok]   required claim azp=kubesignin")
                .contains("Verdict: accepted as user `oidc:alice` in groups `[oidc:developers, oidc:kube-admins]`");
    }

    @Test
    void clusterConfigPrintsFlagsAndRbacForTheSignedInUser() {
        CliHarness.Result flags = ok(cli.run("cluster-config", "--profile", "demo", "--format", "flags"));
        assertThat(flags.out().lines()).contains("--oidc-issuer-url=" + demo.issuer().issuerUrl(), "--oidc-client-id=kubesignin",
                "--oidc-username-claim=email", "--oidc-ca-file=/etc/kubernetes/pki/oidc-ca.pem");
        assertThat(flags.err()).contains("# kube-apiserver flags: ", "note: copy " + demo.caFile());

        CliHarness.Result rbac = ok(cli.run("cluster-config", "--profile", "demo", "--format", "rbac", "--role", "edit",
                "--namespace", "team-a"));
        Map<String, Object> binding = new Yaml().load(rbac.out());
        assertThat(binding).containsEntry("kind", "RoleBinding")
                .containsEntry("subjects", List.of(Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "User", "name", "alice@example.com")));

        CliHarness.Result group = ok(cli.run("cluster-config", "--profile", "demo", "--format", "rbac", "--group", "developers"));
        assertThat(group.out()).contains("kind: ClusterRoleBinding", "kind: Group", "name: developers", "name: view");

        for (String format : List.of("minikube", "kind", "authn-v1", "authn-v1beta1")) {
            assertThat(ok(cli.run("cluster-config", "--profile", "demo", "--format", format)).out()).isNotBlank();
        }
        CliHarness.Result wrong = cli.run("cluster-config", "--profile", "demo", "--format", "helm");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("--format must be flags, minikube, kind, authn-v1, authn-v1beta1 or rbac");
    }
}
