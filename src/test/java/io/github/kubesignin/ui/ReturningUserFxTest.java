package io.github.kubesignin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.testing.RunningIssuer;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The window as it opens for someone who saved a profile in an earlier run. */
class ReturningUserFxTest extends WindowTest {
    @RegisterExtension
    static final RunningIssuer demo = RunningIssuer.demo();

    @Override
    EmbeddedIssuer issuer() {
        return demo.issuer();
    }

    @Override
    void beforeTheWindowOpens() {
        fixture.saveDemoProfile("work");
    }

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Test
    void theProfilesPageShowsTheProfileChosenAtStartForEditing(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("kubesignin — work");
        robot.clickOn(node(robot, "#nav-profiles"));

        waitUntil(() -> "work".equals(robot.from(window.root()).lookup("#profile-name").queryTextInputControl().getText()));
        assertThat(robot.from(window.root()).lookup("#issuer").queryTextInputControl().getText())
                .isEqualTo(issuer().issuerUrl().toString());
        assertThat(robot.from(window.root()).lookup("#profile-list").<ListView<?>>query().getSelectionModel().getSelectedIndex())
                .isZero();
    }
}
