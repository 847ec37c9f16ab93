package io.github.kubesignin.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubeconfigEntriesTest {

    @Test
    void execUserPutsLeadingCommandWordsBeforeTheArgs() {
        Map<String, Object> user = KubeconfigEntries.execUser(
                List.of("/usr/lib/jvm/java-17/bin/java", "-jar", "/opt/kubesignin.jar"),
                List.of("get-token", "--profile", "prod"), "Install kubesignin: https://example.com");
        assertThat(user).isEqualTo(Map.of("exec", Map.of(
                "apiVersion", "client.authentication.k8s.io/v1",
                "command", "/usr/lib/jvm/java-17/bin/java",
                "args", List.of("-jar", "/opt/kubesignin.jar", "get-token", "--profile", "prod"),
                "interactiveMode", "IfAvailable",
                "provideClusterInfo", false,
                "installHint", "Install kubesignin: https://example.com")));
    }

    @Test
    void execUserNeedsAnAbsoluteProgram() {
        assertThatThrownBy(() -> KubeconfigEntries.execUser(List.of("kubesignin"), List.of(), "hint"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> KubeconfigEntries.execUser(List.of(), List.of(), "hint"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void authProviderUserLeavesOutNulls() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("idp-issuer-url", "https://idp.example.com/realms/kube");
        config.put("client-id", "kube");
        config.put("client-secret", null);
        config.put("id-token", "eyJ.x.y");
        config.put("refresh-token", "r1");
        config.put("idp-certificate-authority-data", "QUJD");
        assertThat(KubeconfigEntries.authProviderUser(config)).isEqualTo(Map.of("auth-provider", Map.of(
                "name", "oidc",
                "config", Map.of("idp-issuer-url", "https://idp.example.com/realms/kube", "client-id", "kube",
                        "id-token", "eyJ.x.y", "refresh-token", "r1", "idp-certificate-authority-data", "QUJD"))));
    }

    @Test
    void authProviderUserRejectsUnknownKeys() {
        assertThatThrownBy(() -> KubeconfigEntries.authProviderUser(Map.of("issuer", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("issuer");
    }

    @Test
    void tokenUser() {
        assertThat(KubeconfigEntries.tokenUser("abc")).isEqualTo(Map.of("token", "abc"));
    }

    @Test
    void clusterWithCaFileMakesThePathAbsolute() {
        Map<String, Object> cluster = KubeconfigEntries.cluster("https://k:6443", Optional.of(Path.of("ca.crt")), Optional.empty());
        assertThat(cluster).containsEntry("server", "https://k:6443")
                .containsEntry("certificate-authority", Path.of("ca.crt").toAbsolutePath().toString())
                .doesNotContainKey("certificate-authority-data");
    }

    @Test
    void clusterWithCaDataOrNothing() {
        assertThat(KubeconfigEntries.cluster("https://k", Optional.empty(), Optional.of("QUJD")))
                .isEqualTo(Map.of("server", "https://k", "certificate-authority-data", "QUJD"));
        assertThat(KubeconfigEntries.cluster("https://k", Optional.empty(), Optional.empty()))
                .isEqualTo(Map.of("server", "https://k"));
        assertThatThrownBy(() -> KubeconfigEntries.cluster("https://k", Optional.of(Path.of("/ca")), Optional.of("QUJD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void context() {
        assertThat(KubeconfigEntries.context("c", "u")).isEqualTo(Map.of("cluster", "c", "user", "u"));
    }
}
