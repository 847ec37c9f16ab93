package io.github.kubesignin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.SignInMethod;
import io.github.kubesignin.profile.SignInSettings;
import io.github.kubesignin.testing.RunningIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The window's device sign-in (code, address, QR code) and the profile form's method chooser, headless on Monocle.
 * Each test leaves a snapshot of the window in target/screenshots to look at.
 */
class SignInFlowsFxTest extends WindowTest {
    @RegisterExtension
    static final RunningIssuer devices = RunningIssuer.of(() -> EmbeddedIssuer.demo().devicePollInterval(Duration.ofSeconds(1)));
    @RegisterExtension
    static final RunningIssuer passwordOnlyIssuer = RunningIssuer.of(() -> EmbeddedIssuer.demo()
            .advertisedGrantTypes(List.of("password", "refresh_token", "authorization_code")));

    @Override
    EmbeddedIssuer issuer() {
        return devices.issuer();
    }

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Override
    double sceneHeight() {
        return 760;
    }

    @Test
    void deviceSignInShowsTheCodeTheAddressAndAQrCode(FxRobot robot) throws Exception {
        Profile device = fixture.demoProfile("tv").withSignIn(SignInSettings.of(SignInMethod.DEVICE));
        fixture.app.profileService().save(device, Optional.empty());
        robot.interact(() -> {
            window.model().reloadProfiles();
            window.model().select("tv");
        });
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> node(robot, "#sign-in").getScene() != null);
        assertThat(shown(node(robot, "#password"))).isFalse();
        assertThat(text(robot, "#signin-method-note")).contains("a code you enter on any device");

        robot.clickOn(node(robot, "#sign-in"));
        waitUntil(() -> text(robot, "#user-code").matches("[B-Z]{4}-[B-Z]{4}"));
        String userCode = text(robot, "#user-code");
        assertThat(robot.from(window.root()).lookup("#verification-uri").queryTextInputControl().getText())
                .isEqualTo(issuer().issuerUrl() + "/device/verify");
        Canvas qr = robot.from(window.root()).lookup("#qr-code").queryAs(Canvas.class);
        assertThat(qr.getWidth()).isGreaterThanOrEqualTo((21 + 8) * 5);
        assertThat(node(robot, "#cancel-sign-in").isVisible()).isTrue();
        snapshot("sign-in-device");

        issuer().approveDevice(userCode, DemoData.USER); // the person, on their phone
        waitUntil(() -> text(robot, "#summary-identity").equals(DemoData.EMAIL));
        assertThat(shown(node(robot, "#qr-code"))).isFalse();
        assertThat(fixture.keychain.get("tv/refresh-token")).isPresent();
    }

    @Test
    void browserSignInSaysContinueInYourBrowserAndCanBeCancelled(FxRobot robot) throws Exception {
        Profile browser = fixture.demoProfile("web").withSignIn(SignInSettings.of(SignInMethod.BROWSER));
        fixture.app.profileService().save(browser, Optional.empty());
        java.util.List<java.net.URI> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        fixture.app.useBrowser(url -> opened.add(url));
        robot.interact(() -> {
            window.model().reloadProfiles();
            window.model().select("web");
        });
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> node(robot, "#sign-in").getScene() != null);
        robot.clickOn(node(robot, "#sign-in"));
        waitUntil(() -> shown(node(robot, "#continue-in-browser")) && !opened.isEmpty());
        assertThat(opened).hasSize(1);
        assertThat(robot.from(window.root()).lookup("#authorization-url").queryTextInputControl().getText())
                .isEqualTo(opened.get(0).toString());
        snapshot("sign-in-browser");

        robot.clickOn(node(robot, "#cancel-sign-in"));
        waitUntil(() -> !shown(node(robot, "#continue-in-browser")) && !node(robot, "#sign-in").isDisabled());
        assertThat(robot.from(window.root()).lookup(".label").queryAll().stream()
                .filter(n -> n instanceof Labeled l && l.getText().startsWith("Cancelled")).count()).isPositive();
    }

    @Test
    void theProfileFormGreysOutWhatTheIssuerDoesNotOffer(FxRobot robot) throws Exception {
        Path ca = passwordOnlyIssuer.caFile();
        robot.clickOn(node(robot, "#welcome-add-profile"));
        robot.clickOn(node(robot, "#profile-name")).write("po");
        fill(robot, "#issuer", passwordOnlyIssuer.issuer().issuerUrl().toString());
        fill(robot, "#client-id", DemoData.CLIENT_ID);
        fill(robot, "#ca-file", ca.toString());
        assertThat(text(robot, "#sign-in-method-note")).startsWith("Discover checks");
        robot.clickOn(node(robot, "#discover"));
        waitUntil(() -> text(robot, "#sign-in-method-note").contains("greyed out"));
        assertThat(text(robot, "#sign-in-method-note")).isEqualTo("Device code is greyed out: the issuer does not list the device"
                + " grant (urn:ietf:params:oauth:grant-type:device_code) in grant_types_supported (it lists password,"
                + " refresh_token, authorization_code).");
        assertThat(node(robot, "#sign-in-device").isDisabled()).isTrue();
        assertThat(node(robot, "#sign-in-browser").isDisabled()).isFalse();
        robot.clickOn(node(robot, "#sign-in-browser"));
        assertThat(shown(node(robot, "#redirect-port"))).isTrue();
        fill(robot, "#redirect-port", "18080");
        snapshot("profiles-sign-in-method");
        robot.interact(() -> ((javafx.scene.control.Button) node(robot, "#save-profile")).fire()); // below the fold here
        waitUntil(() -> fixture.app.profileStore().find("po").map(p -> p.signInMethod() == SignInMethod.BROWSER).orElse(false));
        assertThat(fixture.app.profileStore().get("po").signIn()).isEqualTo(new SignInSettings(SignInMethod.BROWSER, 18080));
        assertThat(((RadioButton) node(robot, "#sign-in-browser")).isSelected()).isTrue();
    }
}
