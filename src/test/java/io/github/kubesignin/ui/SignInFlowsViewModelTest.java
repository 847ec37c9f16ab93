package io.github.kubesignin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.SignInMethod;
import io.github.kubesignin.profile.SignInSettings;
import io.github.kubesignin.testing.TestBrowser;
import io.github.kubesignin.ui.signin.SignInViewModel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sign in page's browser and device sign-ins, without a toolkit: work runs inline, an HTTP client plays the browser. */
class SignInFlowsViewModelTest {
    static EmbeddedIssuer issuer;

    @TempDir
    Path home;

    UiFixture fixture;
    AppModel model;
    SignInViewModel viewModel;
    final List<URI> opened = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startIssuer() {
        issuer = EmbeddedIssuer.demo().devicePollInterval(Duration.ofSeconds(1)).start();
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @BeforeEach
    void setUp() {
        fixture = new UiFixture(home, issuer);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    void useProfile(SignInMethod method) {
        Profile profile = fixture.demoProfile("demo").withSignIn(SignInSettings.of(method));
        fixture.app.profileService().save(profile, Optional.empty());
        model = fixture.inlineModel();
        model.select("demo");
        viewModel = new SignInViewModel(model);
    }

    @Test
    void theMethodFollowsTheProfile() {
        useProfile(SignInMethod.DEVICE);
        assertThat(viewModel.methodProperty().get()).isEqualTo(SignInMethod.DEVICE);
    }

    @Test
    void browserSignInOpensThePageAndSignsIn() {
        useProfile(SignInMethod.BROWSER);
        TestBrowser browser = new TestBrowser(fixture.caFile);
        List<Boolean> waitingWhileOpen = new CopyOnWriteArrayList<>();
        fixture.app.useBrowser(url -> {
            opened.add(url);
            waitingWhileOpen.add(viewModel.busyProperty().get());
            CompletableFuture.runAsync(() -> browser.follow(browser.submit(browser.open(url),
                    Map.of("username", DemoData.USER, "password", DemoData.PASSWORD, "action", "login"))));
            return true;
        });

        viewModel.signIn();

        assertThat(opened).hasSize(1);
        assertThat(waitingWhileOpen).containsExactly(true);
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.signedInProperty().get()).isTrue();
        assertThat(viewModel.identityProperty().get()).isEqualTo(DemoData.EMAIL);
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.waitingForBrowserProperty().get()).isFalse();
        assertThat(fixture.keychain.get("demo/refresh-token")).isPresent();
    }

    @Test
    void deviceSignInShowsTheCodeAndQrUntilApproved() {
        useProfile(SignInMethod.DEVICE);
        List<String> shownCodes = new CopyOnWriteArrayList<>();
        viewModel.userCodeProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                shownCodes.add(now);
                assertThat(viewModel.verificationUriProperty().get()).endsWith("/device/verify");
                assertThat(viewModel.qrCodeProperty().get().size()).isGreaterThanOrEqualTo(21);
                issuer.approveDevice(now, DemoData.USER); // the person, on their phone
            }
        });

        viewModel.signIn();

        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(shownCodes).hasSize(1);
        assertThat(viewModel.signedInProperty().get()).isTrue();
        assertThat(viewModel.userCodeProperty().get()).isEmpty(); // the code is gone once it is used
        assertThat(viewModel.qrCodeProperty().get()).isNull();
    }

    @Test
    void aDeniedDeviceIsAnErrorInWords() {
        useProfile(SignInMethod.DEVICE);
        viewModel.userCodeProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                issuer.denyDevice(now);
            }
        });
        viewModel.signIn();
        assertThat(viewModel.errorProperty().get()).contains("the sign-in was denied on the verification page");
        assertThat(viewModel.signedInProperty().get()).isFalse();
    }

    @Test
    void cancelStopsABrowserSignInThatWaits() throws Exception {
        useProfile(SignInMethod.BROWSER);
        // the job runs on its own thread here, so the test can press Cancel while it waits
        model = new AppModel(fixture.app, new io.github.kubesignin.ui.common.BackgroundWork(Runnable::run,
                task -> new Thread(task, "sign-in").start()));
        model.reloadProfiles();
        model.select("demo");
        viewModel = new SignInViewModel(model);
        CompletableFuture<URI> pageOpened = new CompletableFuture<>();
        fixture.app.useBrowser(url -> pageOpened.complete(url));

        viewModel.signIn();
        pageOpened.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(viewModel.waitingForBrowserProperty().get()).isTrue();
        assertThat(viewModel.authorizationUrlProperty().get()).startsWith(issuer.authorizationEndpoint().toString());
        viewModel.cancel();

        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.waitingForBrowserProperty().get()).isFalse();
        assertThat(viewModel.statusProperty().get()).startsWith("Cancelled");
    }
}
