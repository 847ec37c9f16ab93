package io.github.kubesignin.ui;

import io.github.kubesignin.ui.tray.TrayActions;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The tray's menu items acting on the window: each hops from the AWT event thread to the JavaFX thread. */
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
