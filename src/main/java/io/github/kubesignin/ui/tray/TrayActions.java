package io.github.kubesignin.ui.tray;

/**
 * What the tray's menu items do, supplied by the desktop app. Called on the AWT event thread: an implementation
 * hands window work to the JavaFX thread and slow work to a background thread.
 */
public interface TrayActions {
    void signIn(String profile);

    void openInspector(String profile);

    void openWindow();

    void quit();
}
