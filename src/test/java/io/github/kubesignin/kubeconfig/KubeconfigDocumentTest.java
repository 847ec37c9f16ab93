package io.github.kubesignin.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KubeconfigDocumentTest {
    private static final Map<String, Object> TOKEN_USER = KubeconfigEntries.tokenUser("t0k3n");

    @ParameterizedTest
    @ValueSource(strings = {"realistic.yaml", "kubectl-written.yaml", "indented.yaml"})
    void unchangedDocumentSerializesToTheSameBytes(String file) {
        String text = Resources.text(file);
        assertThat(KubeconfigDocument.parse(text, file).serialize()).isEqualTo(text);
    }

    @Test
    void windowsLineBreaksAreKept() {
        String crlf = Resources.text("kubectl-written.yaml").replace("\n", "\r\n");
        assertThat(KubeconfigDocument.parse(crlf, "c").serialize()).isEqualTo(crlf);
        KubeconfigDocument document = KubeconfigDocument.parse(crlf, "c");
        document.upsertUser("me", TOKEN_USER);
        assertThat(document.serialize()).contains("- name: me\r\n  user:\r\n    token: t0k3n\r\n")
                .doesNotContainPattern("[^\r]\n");
    }

    /** Scalar styles, flow collections, inline comments, unicode survive; only a folded scalar is re-flowed. */
    @Test
    void otherYamlStylesSurvive() {
        String text = Resources.text("styles.yaml");
        String out = KubeconfigDocument.parse(text, "styles.yaml").serialize();
        assertThat(out).isEqualTo(text.replace("one long\n          sentence", "one long sentence"));
        assertThat(KubeconfigDocument.parse(out, "out").cluster("dev"))
                .isEqualTo(KubeconfigDocument.parse(text, "in").cluster("dev"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n", "\n\n", "---\n"})
    void emptyTextGivesAKubectlStyleSkeleton(String text) {
        KubeconfigDocument document = KubeconfigDocument.parse(text, "config");
        assertThat(document.serialize()).isEqualTo("""
                apiVersion: v1
                clusters: []
                contexts: []
                current-context: ""
                kind: Config
                preferences: {}
                users: []
                """);
        assertThat(document.userNames()).isEmpty();
        assertThat(document.currentContext()).isEmpty();
    }

    @Test
    void commentsOfAnOtherwiseEmptyFileStayOnTop() {
        KubeconfigDocument document = KubeconfigDocument.parse("# managed by ann\n\n# keep\n", "config");
        document.upsertUser("me", TOKEN_USER);
        assertThat(document.serialize()).startsWith("# managed by ann\n# keep\napiVersion: v1\n")
                .contains("users:\n- name: me\n");
    }

    @Test
    void aCommentAboveAListItemStaysAboveIt() {
        String kubectlStyle = "users:\n- name: a\n  user:\n    token: x\n# about b\n- name: b\n  user: {}\n";
        assertThat(KubeconfigDocument.parse(kubectlStyle, "c").serialize()).isEqualTo(kubectlStyle);
        String indented = "users:\n  - name: a\n    user:\n      token: x\n  # about b\n  - name: b\n    user: {}\n";
        assertThat(KubeconfigDocument.parse(indented, "c").serialize()).isEqualTo(indented);
        // an indented comment above a kubectl-style item moves to the item's column, still above it
        String oddlyIndented = kubectlStyle.replace("# about b", "  # about b");
        assertThat(KubeconfigDocument.parse(oddlyIndented, "c").serialize()).isEqualTo(kubectlStyle);
    }

    @Test
    void replacingAUserChangesOnlyItsBodyAndKeepsItsPlace() {
        String text = Resources.text("realistic.yaml");
        KubeconfigDocument document = KubeconfigDocument.parse(text, "realistic.yaml");
        document.upsertUser("oidc-prod", TOKEN_USER);
        String out = document.serialize();

        assertThat(document.userNames()).containsExactly("minikube", "oidc-prod", "admin");
        assertThat(document.user("oidc-prod")).contains(Map.of("token", "t0k3n"));
        // exactly the old exec body is gone, every other line (comments included) is still there, in order
        List<String> removed = linesOnlyIn(text, out);
        List<String> added = linesOnlyIn(out, text);
        assertThat(added).containsExactly("    token: t0k3n");
        assertThat(removed).allMatch(line -> line.startsWith("    "), "only lines of the replaced body")
                .contains("      command: kubectl", "      - oidc-login").hasSize(13);
        assertThat(out.replace("    token: t0k3n\n", "")).isEqualTo(text.replace(execBodyOf(text), ""));
    }

    @Test
    void everyCommentSurvivesAnUpsertOfEachKind() {
        String text = Resources.text("realistic.yaml");
        KubeconfigDocument document = KubeconfigDocument.parse(text, "realistic.yaml");
        document.upsertUser("new-user", TOKEN_USER);
        document.upsertCluster("prod", KubeconfigEntries.cluster("https://new.example.com", Optional.empty(), Optional.empty()));
        document.upsertContext("new-ctx", KubeconfigEntries.context("prod", "new-user"));
        document.setCurrentContext("new-ctx");
        String out = document.serialize();
        for (String comment : List.of("# kubeconfig for the platform team", "# do not edit by hand (we do anyway)",
                "# production, behind the VPN", "# the minikube admin, client certificates",
                "# a static admin, rotate monthly", "# end of file")) {
            assertThat("\n" + out).contains("\n" + comment + "\n");
        }
        assertThat(out).endsWith("# end of file\n");
        KubeconfigDocument reread = KubeconfigDocument.parse(out, "out");
        assertThat(reread.currentContext()).isEqualTo("new-ctx");
        assertThat(reread.cluster("prod")).contains(Map.of("server", "https://new.example.com"));
        assertThat(reread.clusterNames()).containsExactly("minikube", "prod", "lab");
        assertThat(reread.contextNames()).containsExactly("minikube", "prod", "lab", "new-ctx");
        assertThat(reread.userNames()).containsExactly("minikube", "oidc-prod", "admin", "new-user");
        assertThat(reread.context("new-ctx")).contains(Map.of("cluster", "prod", "user", "new-user"));
        // entries that were not touched read back identical, extensions included
        KubeconfigDocument original = KubeconfigDocument.parse(text, "in");
        for (String name : List.of("minikube", "lab")) {
            assertThat(reread.cluster(name)).isEqualTo(original.cluster(name));
            assertThat(reread.context(name)).isEqualTo(original.context(name));
        }
        assertThat(reread.user("admin")).isEqualTo(original.user("admin"));
        assertThat(reread.user("oidc-prod")).isEqualTo(original.user("oidc-prod"));
    }

    @Test
    void newEntriesUseKubectlKeyOrderAndTheInputsListIndentation() {
        KubeconfigDocument kubectlStyle = KubeconfigDocument.parse(Resources.text("kubectl-written.yaml"), "k");
        kubectlStyle.upsertUser("me", TOKEN_USER);
        kubectlStyle.upsertContext("me", KubeconfigEntries.context("kind-kind", "me"));
        assertThat(kubectlStyle.serialize()).contains("- name: me\n  user:\n    token: t0k3n\n")
                .contains("- context:\n    cluster: kind-kind\n    user: me\n  name: me\n");

        KubeconfigDocument indented = KubeconfigDocument.parse(Resources.text("indented.yaml"), "i");
        indented.upsertUser("me", TOKEN_USER);
        assertThat(indented.serialize()).startsWith("---\n").contains("  - name: me\n    user:\n      token: t0k3n\n");
    }

    @Test
    void missingFlowAndNullListsAcceptNewEntries() {
        for (String text : List.of("apiVersion: v1\nkind: Config\n", "users: []\n", "users: null\n", "users:\n")) {
            KubeconfigDocument document = KubeconfigDocument.parse(text, "c");
            document.upsertUser("me", TOKEN_USER);
            String out = document.serialize();
            assertThat(out).as(text).contains("users:\n- name: me\n  user:\n    token: t0k3n\n");
            assertThat(KubeconfigDocument.parse(out, "c").user("me")).contains(Map.of("token", "t0k3n"));
        }
    }

    @Test
    void nestedValuesRoundTripWithTheirTypes() {
        KubeconfigDocument document = KubeconfigDocument.empty();
        document.upsertUser("exec", KubeconfigEntries.execUser(List.of("/usr/bin/java", "-jar", "/opt/k.jar"),
                List.of("get-token", "--profile", "true"), "install kubesignin"));
        KubeconfigDocument reread = KubeconfigDocument.parse(document.serialize(), "c");
        @SuppressWarnings("unchecked")
        Map<String, Object> exec = (Map<String, Object>) reread.user("exec").orElseThrow().get("exec");
        assertThat(exec).containsEntry("provideClusterInfo", false)
                .containsEntry("args", List.of("-jar", "/opt/k.jar", "get-token", "--profile", "true"));
    }

    @Test
    void currentContextCanBeSetAndCleared() {
        KubeconfigDocument document = KubeconfigDocument.parse(Resources.text("kubectl-written.yaml"), "k");
        document.setCurrentContext("other");
        assertThat(KubeconfigDocument.parse(document.serialize(), "k").currentContext()).isEqualTo("other");
        document.setCurrentContext("");
        assertThat(document.serialize()).contains("current-context: \"\"\n");
    }

    @Test
    void absentEntriesReadAsEmpty() {
        KubeconfigDocument document = KubeconfigDocument.parse(Resources.text("kubectl-written.yaml"), "k");
        assertThat(document.user("nobody")).isEmpty();
        assertThat(document.cluster("nobody")).isEmpty();
    }

    private static List<String> linesOnlyIn(String a, String b) {
        List<String> bLines = new java.util.ArrayList<>(b.lines().toList());
        List<String> only = new java.util.ArrayList<>();
        for (String line : a.lines().toList()) {
            if (!bLines.remove(line)) {
                only.add(line);
            }
        }
        return only;
    }

    private static String execBodyOf(String text) {
        int start = text.indexOf("    exec:\n");
        int end = text.indexOf("# a static admin");
        return text.substring(start, end);
    }
}
