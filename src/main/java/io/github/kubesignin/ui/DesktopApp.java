package io.github.kubesignin.ui;

import io.github.kubesignin.app.AppContext;
import io.github.kubesignin.ui.common.Confirmation;
import io.github.kubesignin.ui.common.FxExecutors;
import io.github.kubesignin.ui.welcome.DemoIssuer;
import java.io.IOException;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The desktop application: builds the production graph, restores the window and saves its state on exit. */
public final class DesktopApp extends Application {
    private AppContext app;
    private MainWindow window;
    private WindowSettings settings;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        app = AppContext.production();
        settings = WindowSettings.load(app.directories().config());
        MainWindow.applyTheme(settings.darkTheme());
        AppModel model = new AppModel(app, FxExecutors.production());
        model.reloadProfiles();
        model.select(settings.text("profile").orElse(model.profiles().isEmpty() ? null : model.profiles().get(0).name()));
        window = new MainWindow(model, settings, new DemoIssuer(app), Confirmation.dialog());
        stage.setScene(new Scene(window.root(), settings.number("width").orElse(1040.0), settings.number("height").orElse(720.0)));
        restorePosition(stage);
        window.attach(stage);
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        stage.show();
    }

    /** The remembered position, if it is still on a screen (monitors come and go). */
    private void restorePosition(Stage stage) {
        double x = settings.number("x").orElse(Double.NaN);
        double y = settings.number("y").orElse(Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y) && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 40)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.stop();
            settings.put("x", stage.getX());
            settings.put("y", stage.getY());
            settings.put("width", stage.getScene().getWidth());
            settings.put("height", stage.getScene().getHeight());
            settings.put("profile", window.model().selected().map(p -> p.name()).orElse(null));
            try {
                settings.save();
            } catch (IOException ignored) {
                // losing the window position is not worth an error on the way out
            }
        }
        if (app != null) {
            app.close();
        }
    }

    /** For {@code mvn javafx:run}, which starts this class directly. */
    public static void main(String[] args) {
        launch(args);
    }
}
