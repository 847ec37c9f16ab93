package io.github.kubesignin.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

class GeneratorsTest {
    static final String ISSUER = "https://idp.example.com/realms/kube";
    static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIBfake\nline2==\n-----END CERTIFICATE-----\n";

    @TempDir
    Path dir;

    ApiServerOidc settings(String usernameClaim, String usernamePrefix, Path ca) {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("tenant", "acme");
        required.put("hd", "example.com");
        return new ApiServerOidc(ISSUER, List.of("kube"), usernameClaim, usernamePrefix, "groups", "oidc:", required,
                List.of("RS256"), ca);
    }

    Path ca() throws IOException {
        return Files.writeString(dir.resolve("ca.pem"), PEM);
    }

    @Test
    void flagsNameEverySetting() throws IOException {
        String text = ApiServerFlags.snippet(settings("sub", "-", ca())).text();
        assertThat(text.lines()).containsExactly(
                "--oidc-issuer-url=https://idp.example.com/realms/kube",
                "--oidc-client-id=kube",
                "--oidc-username-claim=sub",
                "--oidc-username-prefix=-",
                "--oidc-groups-claim=groups",
                "--oidc-groups-prefix=oidc:",
                "--oidc-ca-file=/etc/kubernetes/pki/oidc-ca.pem",
                "--oidc-required-claim=tenant=acme,hd=example.com");
    }

    @Test
    void nonDefaultAlgorithmsAndNoCaOrPrefix() {
        ApiServerOidc s = new ApiServerOidc(ISSUER, List.of("kube"), "email", null, "", null, Map.of(), List.of("RS256", "ES256"), null);
        assertThat(ApiServerFlags.snippet(s).text().lines()).containsExactly(
                "--oidc-issuer-url=https://idp.example.com/realms/kube", "--oidc-client-id=kube",
                "--oidc-username-claim=email", "--oidc-signing-algs=RS256,ES256");
    }

    @Test
    void theMinikubeLineCarriesTheSameFlags() throws Exception {
        ApiServerOidc s = settings("email", "corp: ", ca());
        String line = MinikubeCommand.line(s);
        assertThat(line).startsWith("minikube start \\\n");
        // run the line through a real shell to see the words minikube would get
        List<String> words = shellWords(line.replace("minikube start", "printf '%s\\n'"));
        List<String> expected = new ArrayList<>();
        ApiServerFlags.of(s, MinikubeCommand.CA_PATH).forEach(f -> expected.add("--extra-config=apiserver." + f.getKey() + "=" + f.getValue()));
        assertThat(words).isEqualTo(expected).contains("--extra-config=apiserver.oidc-username-prefix=corp: ");
    }

    @Test
    void kindConfigPatchesTheApiServerAndMountsTheCa() throws IOException {
        Path ca = ca();
        Map<String, Object> config = new Yaml().load(KindConfig.yaml(settings("email", null, ca)));
        assertThat(config).containsEntry("kind", "Cluster").containsEntry("apiVersion", "kind.x-k8s.io/v1alpha4");
        Map<String, Object> node = first(config.get("nodes"));
        assertThat(node).containsEntry("role", "control-plane");
        assertThat(first(node.get("extraMounts"))).containsEntry("hostPath", ca.toString())
                .containsEntry("containerPath", "/etc/kubernetes/pki/oidc-ca.pem").containsEntry("readOnly", true);
        Map<String, Object> patch = new Yaml().load((String) ((List<?>) node.get("kubeadmConfigPatches")).get(0));
        assertThat(patch).containsEntry("kind", "ClusterConfiguration");
        Map<String, Object> extraArgs = new java.util.HashMap<>(); // kubeadm v1beta4: a list of name/value pairs
        for (Object pair : (List<?>) map(patch.get("apiServer")).get("extraArgs")) {
            extraArgs.put((String) map(pair).get("name"), map(pair).get("value"));
        }
        assertThat(extraArgs).isEqualTo(Map.of(
                "oidc-issuer-url", ISSUER, "oidc-client-id", "kube", "oidc-username-claim", "email",
                "oidc-groups-claim", "groups", "oidc-groups-prefix", "oidc:", "oidc-ca-file", "/etc/kubernetes/pki/oidc-ca.pem",
                "oidc-required-claim", "tenant=acme,hd=example.com"));
    }

    @ParameterizedTest
    @CsvSource({"V1, apiserver.config.k8s.io/v1", "V1BETA1, apiserver.config.k8s.io/v1beta1"})
    void authenticationConfigurationKeepsTheEmailVerifiedRuleAndInlinesTheCa(AuthenticationConfig.Version version, String apiVersion)
            throws IOException {
        Map<String, Object> config = new Yaml().load(AuthenticationConfig.yaml(settings("email", null, ca()), version));
        assertThat(config).containsEntry("apiVersion", apiVersion).containsEntry("kind", "AuthenticationConfiguration");
        Map<String, Object> jwt = first(config.get("jwt"));
        assertThat(map(jwt.get("issuer"))).containsEntry("url", ISSUER).containsEntry("audiences", List.of("kube"))
                .containsEntry("certificateAuthority", PEM).doesNotContainKey("audienceMatchPolicy");
        assertThat(jwt.get("claimValidationRules")).isEqualTo(List.of(
                Map.of("claim", "tenant", "requiredValue", "acme"),
                Map.of("claim", "hd", "requiredValue", "example.com"),
                Map.of("expression", "claims.?email_verified.orValue(true) == true", "message", "oidc: email not verified")));
        assertThat(map(jwt.get("claimMappings"))).isEqualTo(Map.of(
                "username", Map.of("claim", "email", "prefix", ""),
                "groups", Map.of("claim", "groups", "prefix", "oidc:")));
    }

    @Test
    void authenticationConfigurationWritesTheImplicitIssuerPrefixAndNoEmailRuleForOtherClaims() {
        ApiServerOidc s = new ApiServerOidc(ISSUER, List.of("kube", "account"), "sub", null, "", null, Map.of(), List.of("RS256"), null);
        Map<String, Object> jwt = first(((Map<String, Object>) new Yaml().load(AuthenticationConfig.yaml(s, AuthenticationConfig.Version.V1))).get("jwt"));
        assertThat(map(jwt.get("issuer"))).containsEntry("audiences", List.of("kube", "account"))
                .containsEntry("audienceMatchPolicy", "MatchAny").doesNotContainKey("certificateAuthority");
        assertThat(jwt).doesNotContainKey("claimValidationRules");
        assertThat(map(jwt.get("claimMappings"))).isEqualTo(Map.of("username", Map.of("claim", "sub", "prefix", ISSUER + "#")));
    }

    @ParameterizedTest
    @CsvSource({
            "User, https://idp.example.com/realms/kube#3f1c, cluster-admin, ",
            "User, alice@example.com, view, ",
            "Group, oidc:developers, edit, ",
            "User, alice@example.com, admin, team-a",
            "Group, kube-admins, view, team-a"})
    void rbacMatchesWhatKubectlCreates(RbacBinding.SubjectKind kind, String subject, String role, String namespace) throws Exception {
        RbacBinding.Request request = new RbacBinding.Request(kind, subject, role, namespace);
        List<String> command = new ArrayList<>(List.of("kubectl", "create", namespace == null ? "clusterrolebinding" : "rolebinding",
                request.bindingName(), "--clusterrole=" + role, "--" + kind.name().toLowerCase() + "=" + subject,
                "--dry-run=client", "-o", "yaml"));
        if (namespace != null) {
            command.addAll(List.of("--namespace", namespace));
        }
        Map<String, Object> fromKubectl = new Yaml().load(run(command));
        map(fromKubectl.get("metadata")).remove("creationTimestamp");

        assertThat((Map<String, Object>) new Yaml().load(RbacBinding.yaml(request))).isEqualTo(fromKubectl);
    }

    @Test
    void aCustomRoleComesWithAReadOnlyClusterRole() {
        String yaml = RbacBinding.yaml(new RbacBinding.Request(RbacBinding.SubjectKind.User, "alice@example.com", "pod-reader", null));
        List<Object> documents = new ArrayList<>();
        new Yaml().loadAll(yaml).forEach(documents::add);
        assertThat(documents).hasSize(2);
        Map<String, Object> role = map(documents.get(0));
        assertThat(role).containsEntry("kind", "ClusterRole").containsEntry("metadata", Map.of("name", "pod-reader"));
        assertThat(first(role.get("rules"))).containsEntry("verbs", List.of("get", "list", "watch"));
        assertThat(map(map(documents.get(1)).get("roleRef"))).containsEntry("name", "pod-reader");
    }

    @Test
    void bindingNamesAreValidObjectNames() {
        assertThat(new RbacBinding.Request(RbacBinding.SubjectKind.User, "https://idp.example.com/realms/kube#3F1C", "view", null)
                .bindingName()).isEqualTo("oidc-view-https-idp.example.com-realms-kube-3f1c");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static Map<String, Object> first(Object list) {
        return map(((List<?>) list).get(0));
    }

    static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    static List<String> shellWords(String commandLine) throws Exception {
        return run(List.of("sh", "-c", commandLine)).lines().toList();
    }
}
