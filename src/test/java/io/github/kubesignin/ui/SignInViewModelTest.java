package io.github.kubesignin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.testing.RunningIssuer;
import io.github.kubesignin.ui.signin.SignInViewModel;
import io.github.kubesignin.ui.status.StatusBarViewModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SignInViewModelTest {
    @RegisterExtension
    static final RunningIssuer demo = RunningIssuer.demo();

    @Test
    void aWrongPasswordShowsTheIssuersAnswerInWords(@TempDir Path home) {
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            fixture.saveDemoProfile("demo");
            AppModel model = fixture.inlineModel();
            model.select("demo");
            SignInViewModel signIn = new SignInViewModel(model);
            assertThat(signIn.usernameProperty().get()).isEqualTo(DemoData.USER);
            signIn.passwordProperty().set("wrong");
            signIn.signIn();
            assertThat(signIn.errorProperty().get()).contains("wrong username or password");
            assertThat(signIn.passwordProperty().get()).isEmpty();
            assertThat(signIn.signedInProperty().get()).isFalse();
        }
    }

    @Test
    void cancelStopsWaitingForASlowIssuer(@TempDir Path home) throws Exception {
        java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            fixture.saveDemoProfile("demo");
            AppModel model = new AppModel(fixture.app, new io.github.kubesignin.ui.common.BackgroundWork(Runnable::run, background));
            model.reloadProfiles();
            model.select("demo");
            SignInViewModel signIn = new SignInViewModel(model);
            demo.issuer().delayResponses(java.time.Duration.ofMillis(800));
            signIn.passwordProperty().set(DemoData.PASSWORD);
            signIn.signIn();
            assertThat(signIn.busyProperty().get()).isTrue();
            assertThat(signIn.passwordProperty().get()).isEmpty();

            signIn.cancel();
            assertThat(signIn.busyProperty().get()).isFalse();
            assertThat(signIn.statusProperty().get()).startsWith("Cancelled");
            background.shutdown();
            assertThat(background.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(signIn.errorProperty().get()).isEmpty(); // the late outcome was dropped
        } finally {
            demo.issuer().delayResponses(java.time.Duration.ZERO);
            background.shutdownNow();
        }
    }

    @Test
    void signingInShowsIdentityGroupsAndACountdown(@TempDir Path home) {
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            fixture.saveDemoProfile("demo");
            AppModel model = fixture.inlineModel();
            model.select("demo");
            SignInViewModel signIn = new SignInViewModel(model);
            StatusBarViewModel status = new StatusBarViewModel(model);
            signIn.passwordProperty().set(DemoData.PASSWORD);
            signIn.signIn();

            assertThat(signIn.errorProperty().get()).isEmpty();
            assertThat(signIn.passwordProperty().get()).isEmpty();
            assertThat(signIn.signedInProperty().get()).isTrue();
            assertThat(signIn.identityProperty().get()).isEqualTo(DemoData.EMAIL);
            assertThat(signIn.groupsProperty().get()).isEqualTo(String.join(", ", DemoData.GROUPS));
            assertThat(signIn.countdownProperty().get()).startsWith("expires in");
            assertThat(signIn.lifetimeLeftProperty().get()).isBetween(0.9, 1.0);
            assertThat(status.identityProperty().get()).isEqualTo("Signed in as " + DemoData.EMAIL);
            assertThat(status.countdownProperty().get()).startsWith("expires in");

            signIn.signOut();
            assertThat(signIn.signedInProperty().get()).isFalse();
            assertThat(status.identityProperty().get()).isEqualTo("Not signed in");
        }
    }
}
