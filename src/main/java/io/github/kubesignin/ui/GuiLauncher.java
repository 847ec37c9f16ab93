package io.github.kubesignin.ui;

import javafx.application.Application;

/** Starts the JavaFX window; called by {@code Main} through reflection so the command line never loads JavaFX. */
public final class GuiLauncher {
    private GuiLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(DesktopApp.class, args);
    }
}
