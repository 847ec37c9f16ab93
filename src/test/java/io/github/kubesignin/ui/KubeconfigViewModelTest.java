package io.github.kubesignin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.kubeconfig.KubeconfigMode;
import io.github.kubesignin.testing.RunningIssuer;
import io.github.kubesignin.ui.kubeconfig.KubeconfigViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigViewModelTest {
    @RegisterExtension
    static final RunningIssuer demo = RunningIssuer.demo();

    @Test
    void previewShowsTheDiffWithoutWritingThenWriteKeepsABackup(@TempDir Path home) throws Exception {
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            fixture.saveDemoProfile("demo");
            AppModel model = fixture.inlineModel();
            model.select("demo");
            KubeconfigViewModel kubeconfig = new KubeconfigViewModel(model);
            Path file = home.resolve(".kube").resolve("config");
            assertThat(kubeconfig.fileProperty().get()).isEqualTo(file.toString());
            assertThat(kubeconfig.userProperty().get()).isEqualTo("demo");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# mine\napiVersion: v1\nkind: Config\nusers: []\n");

            kubeconfig.contextProperty().set("lab");
            kubeconfig.serverProperty().set("https://127.0.0.1:6443");
            kubeconfig.preview();
            assertThat(kubeconfig.errorProperty().get()).isEmpty();
            assertThat(kubeconfig.diffProperty().get()).contains("+- name: demo").contains("get-token");
            assertThat(Files.readString(file)).doesNotContain("get-token");

            kubeconfig.write();
            assertThat(kubeconfig.errorProperty().get()).isEmpty();
            assertThat(Files.readString(file)).contains("# mine").contains("get-token").contains("name: lab");
            assertThat(kubeconfig.outcomeProperty().get()).contains("Wrote user 'demo'").contains("Backup");
            assertThat(Files.list(file.getParent()).filter(p -> !p.equals(file)).count()).isPositive();
            // the profile remembers the settings, as on the command line
            assertThat(fixture.app.profileStore().get("demo").cluster().context()).isEqualTo("lab");
            assertThat(kubeconfig.contextProperty().get()).isEqualTo("lab");
        }
    }

    @Test
    void modesThatPutSecretsInTheFileAreFlagged(@TempDir Path home) {
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            KubeconfigViewModel kubeconfig = new KubeconfigViewModel(fixture.inlineModel());
            assertThat(kubeconfig.modeWarningProperty().get()).isEmpty();
            kubeconfig.modeProperty().set(KubeconfigMode.TOKEN);
            assertThat(kubeconfig.modeWarningProperty().get()).contains("plain text");
            kubeconfig.modeProperty().set(KubeconfigMode.AUTH_PROVIDER);
            assertThat(kubeconfig.modeWarningProperty().get()).contains("plain text");
            kubeconfig.preview();
            assertThat(kubeconfig.errorProperty().get()).contains("Choose a profile");
        }
    }
}
