package io.github.kubesignin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.reminder.ReminderSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.kubesignin.testing.RunningIssuer;
import io.github.kubesignin.token.ClaimRow;
import java.time.Duration;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The window's main paths, headless on Monocle, against the embedded issuer. */
class MainWindowFxTest extends WindowTest {
    @RegisterExtension
    static final RunningIssuer demo = RunningIssuer.demo();

    @Override
    EmbeddedIssuer issuer() {
        return demo.issuer();
    }

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Test
    void firstRunDemoThenSignInShowsTheCountdown(FxRobot robot) throws Exception {
        assertThat(robot.from(window.root()).lookup("#welcome-view").tryQuery()).isPresent();
        assertThat(stage.getTitle()).isEqualTo("kubesignin");
        robot.clickOn(node(robot, "#welcome-demo"));
        waitUntil(() -> robot.from(window.root()).lookup("#password").tryQuery().map(n -> n.getScene() != null).orElse(false));
        assertThat(stage.getTitle()).isEqualTo("kubesignin — demo");

        robot.clickOn(node(robot, "#password")).write(DemoData.PASSWORD).type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> text(robot, "#summary-countdown").startsWith("expires in"));
        assertThat(text(robot, "#summary-identity")).isEqualTo(DemoData.EMAIL);
        assertThat(text(robot, "#status-countdown")).startsWith("expires in");
        assertThat(text(robot, "#status-identity")).isEqualTo("Signed in as " + DemoData.EMAIL);
        assertThat(robot.from(window.root()).lookup("#password").queryTextInputControl().getText()).isEmpty();

        // Token: the current token opens with its claims and a valid signature; one changed byte makes it invalid
        robot.clickOn(node(robot, "#nav-token"));
        waitUntil(() -> text(robot, "#signature-verdict").startsWith("valid"));
        TableView<?> claims = robot.from(window.root()).lookup("#claims-table").queryTableView();
        assertThat(claims.getItems()).extracting(row -> ((ClaimRow) row).name()).contains("exp", "email");
        String token = robot.from(window.root()).lookup("#token-input").queryTextInputControl().getText();
        fill(robot, "#token-input", TokenViewModelTest.tamper(token));
        robot.clickOn(node(robot, "#inspect-token"));
        waitUntil(() -> text(robot, "#signature-verdict").startsWith("INVALID"));

        // Kubeconfig: the demo writes to its own file; preview, write, change, write again: a backup exists
        robot.clickOn(node(robot, "#nav-kubeconfig"));
        Path demoKubeconfig = fixture.app.directories().config().resolve("demo-kubeconfig.yaml");
        assertThat(robot.from(window.root()).lookup("#kubeconfig-file").queryTextInputControl().getText())
                .isEqualTo(demoKubeconfig.toString());
        robot.clickOn(node(robot, "#kubeconfig-preview"));
        waitUntil(() -> robot.from(window.root()).lookup("#kubeconfig-diff").queryTextInputControl().getText().contains("get-token"));
        assertThat(demoKubeconfig).doesNotExist();
        robot.clickOn(node(robot, "#kubeconfig-write"));
        waitUntil(() -> text(robot, "#kubeconfig-outcome").startsWith("Wrote"));
        assertThat(demoKubeconfig).content().contains("name: demo").contains("get-token");
        fill(robot, "#kubeconfig-context", "demo-2");
        robot.clickOn(node(robot, "#kubeconfig-write"));
        waitUntil(() -> text(robot, "#kubeconfig-outcome").contains("Backup"));
        assertThat(demoKubeconfig).content().contains("demo-2");
        try (var files = Files.list(demoKubeconfig.getParent())) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("demo-kubeconfig.yaml") && !f.equals(demoKubeconfig)))
                    .isNotEmpty();
        }

        // Cluster setup (Ctrl+5): the current token is judged rule by rule and accepted as the demo user
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#cluster-summary").startsWith("accepted as user `" + DemoData.EMAIL + "`"));
        assertThat(robot.from(window.root()).lookup("#nav-cluster").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.from(window.root()).lookup("#snippet-text").queryTextInputControl().getText()).contains("--oidc-issuer-url=");
    }

    @Test
    void aSlowIssuerNeverFreezesTheWindowAndSignInCanBeCancelled(FxRobot robot) {
        fixture.saveDemoProfile("slow");
        robot.interact(() -> {
            window.model().reloadProfiles();
            window.model().select("slow");
        });
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL); // Ctrl+2: Sign in
        waitUntil(() -> robot.from(window.root()).lookup("#password").tryQuery().map(n -> n.getScene() != null).orElse(false));
        issuer().delayResponses(java.time.Duration.ofSeconds(2));
        try {
            fill(robot, "#password", DemoData.PASSWORD);
            robot.clickOn(node(robot, "#sign-in"));
            long before = System.nanoTime();
            robot.interact(() -> { }); // the FX thread answers at once while the request waits
            assertThat((System.nanoTime() - before) / 1_000_000).isLessThan(1000);
            assertThat(node(robot, "#cancel-sign-in").isVisible()).isTrue();
            assertThat(node(robot, "#sign-in").isDisabled()).isTrue();
            robot.clickOn(node(robot, "#cancel-sign-in"));
            waitUntil(() -> !node(robot, "#sign-in").isDisabled());
            assertThat(node(robot, "#cancel-sign-in").isVisible()).isFalse();
        } finally {
            issuer().delayResponses(java.time.Duration.ZERO);
        }
    }

    @Test
    void theWindowRemembersItsSizeAndProfile(FxRobot robot) throws Exception {
        WindowSettings settings = WindowSettings.load(fixture.app.directories().config());
        robot.interact(() -> WindowPlacement.remember(stage, settings, "demo"));
        settings.save();
        WindowSettings again = WindowSettings.load(fixture.app.directories().config());
        assertThat(WindowPlacement.width(again)).isEqualTo(1000);
        assertThat(WindowPlacement.height(again)).isEqualTo(700);
        assertThat(again.text("profile")).contains("demo");
    }

    @Test
    void aPastedTokenShowsItsClaims(FxRobot robot) {
        robot.clickOn(node(robot, "#nav-token"));
        fill(robot, "#token-input", issuer().signIdToken(issuer().idTokenClaims(DemoData.USER, DemoData.CLIENT_ID)));
        robot.clickOn(node(robot, "#inspect-token"));
        TableView<?> claims = robot.from(window.root()).lookup("#claims-table").queryTableView();
        waitUntil(() -> !claims.getItems().isEmpty());
        assertThat(claims.getItems()).extracting(row -> ((ClaimRow) row).value()).contains(DemoData.EMAIL);
        assertThat(text(robot, "#signature-verdict")).startsWith("not checked");
    }

    @Test
    void addProfileDiscoverAndSignIn(FxRobot robot) {
        robot.clickOn(node(robot, "#welcome-add-profile"));
        robot.clickOn(node(robot, "#profile-name")).write("lab");
        fill(robot, "#issuer", issuer().issuerUrl().toString()); // long texts are set, not typed: typing is slow
        fill(robot, "#client-id", DemoData.CLIENT_ID);
        fill(robot, "#username-claim", "email");
        fill(robot, "#ca-file", fixture.caFile.toString());
        robot.clickOn(node(robot, "#discover"));
        waitUntil(() -> robot.from(window.root()).lookup("#discovery").queryTextInputControl().getText().contains("Token endpoint"));
        robot.interact(() -> robot.from(window.root()).lookup("#reminder-lead-time").<ComboBox<Duration>>query()
                .getSelectionModel().select(Duration.ofMinutes(15)));
        scrollToTheEnd(robot, "#profiles-view"); // as a person would, to reach the form's last rows
        robot.clickOn(node(robot, "#reminder-auto-refresh"));
        robot.clickOn(node(robot, "#save-profile"));
        waitUntil(() -> fixture.app.profileStore().find("lab").isPresent());
        waitUntil(() -> fixture.app.reminderSettings().settings("lab").equals(new ReminderSettings(Duration.ofMinutes(15), true)));
        waitUntil(() -> "kubesignin — lab".equals(stage.getTitle()));
        waitUntil(() -> text(robot, "#profile-status").startsWith("Saved profile 'lab'"));

        robot.clickOn(node(robot, "#nav-sign-in"));
        fill(robot, "#username", DemoData.USER);
        fill(robot, "#password", DemoData.PASSWORD);
        robot.clickOn(node(robot, "#sign-in"));
        waitUntil(() -> text(robot, "#summary-countdown").startsWith("expires in"));
    }

    @Test
    void theAppIconComesInEverySizeTheDesktopMayAskFor() {
        assertThat(WindowIcons.images()).extracting(image -> (int) image.getWidth())
                .containsExactlyElementsOf(WindowIcons.SIZES);
        assertThat(WindowIcons.images()).noneMatch(javafx.scene.image.Image::isError);
    }
}
