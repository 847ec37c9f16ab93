package io.github.kubesignin.ui;

import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.ui.common.FxExecutors;
import io.github.kubesignin.ui.welcome.DemoIssuer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless on Monocle, for one test at a time: a fresh home and in-memory keychain signing in at
 * the subclass's embedded issuer, and the lookups and waits the window tests share.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {
    UiFixture fixture;
    MainWindow window;
    Stage stage;

    /** The issuer the fixture's demo profiles point at. */
    abstract EmbeddedIssuer issuer();

    double sceneHeight() {
        return 700;
    }

    /** Runs before the window is built: what an earlier run of the app left behind. */
    void beforeTheWindowOpens() throws Exception {
    }

    /** Called from each subclass's {@code @Start} method (TestFX looks for it in the test class itself). */
    void showWindow(Stage stage) throws Exception {
        this.stage = stage;
        fixture = new UiFixture(Files.createTempDirectory("kubesignin-fx"), issuer());
        beforeTheWindowOpens();
        AppModel model = new AppModel(fixture.app, FxExecutors.production());
        model.reloadProfiles();
        model.select(model.profiles().isEmpty() ? null : model.profiles().get(0).name()); // as the app starts
        MainWindow.applyTheme(false);
        window = new MainWindow(model, WindowSettings.load(fixture.app.directories().config()), new DemoIssuer(fixture.app),
                (question, detail) -> true);
        stage.setScene(new Scene(window.root(), 1000, sceneHeight()));
        window.attach(stage);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(window::stop).get();
        fixture.close();
    }

    /** Looks only inside this test's window: popups and earlier tests' windows are not searched. */
    Node node(FxRobot robot, String query) {
        return robot.from(window.root()).lookup(query).query();
    }

    void fill(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.from(window.root()).lookup(query).queryTextInputControl().setText(text));
    }

    String text(FxRobot robot, String query) {
        return robot.from(window.root()).lookup(query).<Node>tryQuery().map(node -> ((Labeled) node).getText()).orElse("");
    }

    /** As a person would scroll, to reach a page's last rows. */
    void scrollToTheEnd(FxRobot robot, String page) {
        robot.interact(() -> robot.from(node(robot, page)).lookup(".scroll-pane").<ScrollPane>query().setVvalue(1.0));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A PNG of the window, to look at: target/screenshots/NAME.png. */
    void snapshot(String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> window.root().snapshot(null, null)).get(10, TimeUnit.SECONDS);
        BufferedImage png = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        ImageIO.write(png, "png", file.toFile());
    }

    /** Visible with all its parents: a hidden pane hides its children without changing their own flag. */
    static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** Polls the condition on the FX thread, where the scene graph may be read safely. */
    static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
            WaitForAsyncUtils.waitForFxEvents();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 10 s", e);
        }
    }
}
