package io.github.kubesignin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.SignInMethod;
import io.github.kubesignin.profile.SignInSettings;
import io.github.kubesignin.ui.welcome.DemoIssuer;
import io.github.kubesignin.ui.welcome.WelcomeViewModel;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoIssuerTest {
    @Test
    void theDemoCreatesItsProfileWithASeparateKubeconfigAndComesBackOnTheSamePort(@TempDir Path home) {
        try (EmbeddedIssuer unused = EmbeddedIssuer.demo().start(); UiFixture fixture = new UiFixture(home, unused)) {
            AppModel model = fixture.inlineModel();
            DemoIssuer demo = new DemoIssuer(fixture.app);
            WelcomeViewModel welcome = new WelcomeViewModel(model, demo);
            boolean[] then = new boolean[1];
            welcome.startDemo(() -> then[0] = true);
            assertThat(then[0]).isTrue();
            assertThat(welcome.demoRunningProperty().get()).isTrue();
            assertThat(model.selected()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("demo"));
            var profile = fixture.app.profileStore().get("demo");
            assertThat(profile.cluster().kubeconfig()).isEqualTo(demo.kubeconfig());
            assertThat(demo.kubeconfig().startsWith(fixture.app.directories().config())).isTrue();
            int port = profile.issuer().getPort();

            fixture.app.profileService().save(profile.withSignIn(SignInSettings.of(SignInMethod.DEVICE)), Optional.empty());

            demo.close(); // as when the app quits
            assertThat(demo.isRunning()).isFalse();
            DemoIssuer again = new DemoIssuer(fixture.app);
            Profile restarted = again.start();
            assertThat(restarted.issuer().getPort()).isEqualTo(port);
            assertThat(restarted.signInMethod()).as("the method chosen for the demo").isEqualTo(SignInMethod.DEVICE);
            assertThat(fixture.app.profileStore().get("demo").signInMethod()).isEqualTo(SignInMethod.DEVICE);
            again.close();
        }
    }
}
