package io.github.kubesignin.ui;

import io.github.kubesignin.ui.tray.TrayActions;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The tray's menu items and later launches acting on the window: each hops from the calling thread (AWT's, or the
 * single-instance listener's) to the JavaFX thread.
 */
final class TrayWindowActions implements TrayActions {
    private final Stage stage;
    private final MainWindow window;

    TrayWindowActions(Stage stage, MainWindow window) {
        this.stage = stage;
        this.window = window;
    }

    @Override
    public void signIn(String profile) {
        showPage(profile, MainWindow.Page.SIGN_IN);
    }

    @Override
    public void openInspector(String profile) {
        showPage(profile, MainWindow.Page.TOKEN);
    }

    @Override
    public void openWindow() {
        Platform.runLater(this::bringToFront);
    }

    /** A second launch: select the profile it asked for, if any, and come to the front. */
    void activate(java.util.Optional<String> profile) {
        Platform.runLater(() -> {
            profile.ifPresent(name -> window.model().select(name));
            bringToFront();
        });
    }

    @Override
    public void quit() {
        Platform.runLater(Platform::exit);
    }

    private void showPage(String profile, MainWindow.Page page) {
        Platform.runLater(() -> {
            window.model().select(profile);
            window.show(page);
            bringToFront();
        });
    }

    private void bringToFront() {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
    }
}
