package io.github.kubesignin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.cluster.LiveResult;
import io.github.kubesignin.cluster.RbacBinding;
import io.github.kubesignin.cluster.RuleCheck;
import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.kubectl.TokenCheckingApiServer;
import io.github.kubesignin.ui.cluster.ClusterSetupViewModel;
import io.github.kubesignin.ui.cluster.LiveCheckViewModel;
import io.github.kubesignin.ui.cluster.SnippetFormat;
import io.github.kubesignin.ui.cluster.SnippetsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Cluster setup page's view models, without a toolkit: embedded issuer, inline executors, a local API server. */
class ClusterSetupViewModelTest {
    static EmbeddedIssuer issuer;
    static TokenCheckingApiServer apiServer;

    @BeforeAll
    static void start() throws Exception {
        issuer = EmbeddedIssuer.demo().start();
        apiServer = TokenCheckingApiServer.start(issuer, DemoData.CLIENT_ID);
    }

    @AfterAll
    static void stop() {
        apiServer.close();
        issuer.close();
    }

    /** A kubeconfig whose context "test" points at the local API server, trusting the issuer's CA. */
    static Path kubeconfig(UiFixture fixture) throws Exception {
        return Files.writeString(fixture.home.resolve("kubeconfig.yaml"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: test
                  cluster:
                    server: %s
                    certificate-authority: %s
                contexts:
                - name: test
                  context:
                    cluster: test
                    user: test
                users:
                - name: test
                  user: {}
                current-context: test
                """.formatted(apiServer.url(), fixture.caFile));
    }

    private static String token(Map<String, Object> changes) {
        Map<String, Object> claims = issuer.idTokenClaims(DemoData.USER, DemoData.CLIENT_ID);
        claims.putAll(changes);
        return issuer.signIdToken(claims);
    }

    @Test
    void theCurrentTokenIsAcceptedRuleByRuleAndTheClusterAgrees(@TempDir Path home) throws Exception {
        try (UiFixture fixture = new UiFixture(home, issuer)) {
            var profile = fixture.saveDemoProfile("demo");
            fixture.app.sessions().login(profile, DemoData.USER, DemoData.PASSWORD.toCharArray(), false);
            AppModel model = fixture.inlineModel();
            model.select("demo");
            ClusterSetupViewModel setup = new ClusterSetupViewModel(model);
            LiveCheckViewModel live = new LiveCheckViewModel(model, setup);

            setup.loadCurrentToken();

            assertThat(setup.errorProperty().get()).isEmpty();
            assertThat(setup.rules()).isNotEmpty().allMatch(RuleCheck::passed);
            assertThat(setup.rules()).extracting(RuleCheck::rule)
                    .contains("the signature verifies with the issuer's keys", "email_verified is true when present (username from 'email')");
            assertThat(setup.acceptedProperty().get()).isTrue();
            assertThat(setup.summaryProperty().get())
                    .isEqualTo("accepted as user `alice@example.com` in groups `[developers, kube-admins]`");

            live.kubeconfigFileProperty().set(kubeconfig(fixture).toString());
            live.contextProperty().set("test");
            live.check();
            assertThat(live.errorProperty().get()).isEmpty();
            assertThat(live.resultProperty().get()).isInstanceOf(LiveResult.Mapped.class);
            assertThat(live.answerProperty().get()).startsWith("Context 'test' (" + apiServer.url() + "): ")
                    .contains("the cluster sees user `alice@example.com` in groups `[developers, kube-admins, system:authenticated]`");

            apiServer.forbidSelfSubjectReviews(true);
            try {
                live.check();
            } finally {
                apiServer.forbidSelfSubjectReviews(false);
            }
            assertThat(live.resultProperty().get()).isInstanceOf(LiveResult.Forbidden.class);
            assertThat(live.answerProperty().get()).contains("403 Forbidden: signed in, but RBAC does not allow it", "RBAC snippet");
        }
    }

    @Test
    void anUnverifiedEmailFailsItsRuleWithTheApiServersMessageAndTheFix(@TempDir Path home) {
        try (UiFixture fixture = new UiFixture(home, issuer)) {
            fixture.saveDemoProfile("demo");
            AppModel model = fixture.inlineModel();
            model.select("demo");
            ClusterSetupViewModel setup = new ClusterSetupViewModel(model);
            setup.tokenProperty().set(issuer.signIdToken(issuer.idTokenClaims(DemoData.UNVERIFIED_USER, DemoData.CLIENT_ID)));

            setup.judge();

            assertThat(setup.acceptedProperty().get()).isFalse();
            assertThat(setup.summaryProperty().get()).isEqualTo("rejected: oidc: email not verified");
            assertThat(setup.rules()).filteredOn(check -> !check.passed()).singleElement().satisfies(check -> {
                assertThat(check.rule()).isEqualTo("email_verified is true when present (username from 'email')");
                assertThat(check.apiServerMessage()).isEqualTo("oidc: email not verified");
                assertThat(check.fix()).startsWith("verify the email address at the identity provider");
            });
            assertThat(setup.rules()).filteredOn(RuleCheck::passed).isNotEmpty(); // the signature and the other rules hold
        }
    }

    @Test
    void aRejectedTokenGetsA401WithTheVerdictsCauses(@TempDir Path home) throws Exception {
        try (UiFixture fixture = new UiFixture(home, issuer)) {
            fixture.saveDemoProfile("demo");
            AppModel model = fixture.inlineModel();
            model.select("demo");
            ClusterSetupViewModel setup = new ClusterSetupViewModel(model);
            LiveCheckViewModel live = new LiveCheckViewModel(model, setup);
            live.check();
            assertThat(live.errorProperty().get()).startsWith("Judge a token first");

            setup.tokenProperty().set(token(Map.of("aud", "someone-else")));
            setup.judge();
            live.kubeconfigFileProperty().set(kubeconfig(fixture).toString());
            live.contextProperty().set(""); // the current context
            live.check();

            assertThat(live.resultProperty().get()).isInstanceOf(LiveResult.Unauthorized.class);
            assertThat(live.answerProperty().get()).contains("401 Unauthorized", "Likely causes:",
                    "• oidc: verify token: oidc: expected audience in [\"kubesignin\"]");

            live.kubeconfigFileProperty().set(home.resolve("missing.yaml").toString());
            live.check();
            assertThat(live.errorProperty().get()).startsWith("file not found: ");
        }
    }

    @Test
    void snippetsComeFromTheProfileAndRbacNamesTheMappedUserOrGroup(@TempDir Path home) {
        try (UiFixture fixture = new UiFixture(home, issuer)) {
            fixture.saveDemoProfile("demo");
            AppModel model = fixture.inlineModel();
            model.select("demo");
            ClusterSetupViewModel setup = new ClusterSetupViewModel(model);
            SnippetsViewModel snippets = new SnippetsViewModel(model, setup);

            assertThat(snippets.textProperty().get().lines()).contains("--oidc-issuer-url=" + issuer.issuerUrl(),
                    "--oidc-client-id=kubesignin", "--oidc-username-claim=email");
            assertThat(snippets.whereItGoesProperty().get()).isNotBlank();
            assertThat(snippets.notesProperty().get()).contains("Note: copy " + fixture.caFile);

            snippets.formatProperty().set(SnippetFormat.RBAC);
            assertThat(snippets.errorProperty().get()).startsWith("No user to bind");
            assertThat(snippets.textProperty().get()).isEmpty();

            setup.tokenProperty().set(token(Map.of()));
            setup.judge();
            assertThat(snippets.subjectProperty().get()).isEqualTo(DemoData.EMAIL);
            assertThat(snippets.textProperty().get()).contains("kind: ClusterRoleBinding", "kind: User", "name: alice@example.com", "name: view");

            snippets.subjectKindProperty().set(RbacBinding.SubjectKind.Group);
            snippets.roleProperty().set("edit");
            snippets.namespaceProperty().set("team-a");
            assertThat(snippets.subjectSuggestions()).containsExactly("developers", "kube-admins");
            assertThat(snippets.textProperty().get()).contains("kind: RoleBinding", "namespace: team-a", "kind: Group",
                    "name: developers", "name: edit");

            snippets.formatProperty().set(SnippetFormat.AUTHN_V1);
            assertThat(snippets.textProperty().get()).contains("apiVersion: apiserver.config.k8s.io/v1", "claimValidationRules");
        }
    }
}
