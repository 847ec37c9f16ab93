package io.github.kubesignin.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Restores and remembers the window's size and position through {@link WindowSettings}. */
public final class WindowPlacement {
    public static final double DEFAULT_WIDTH = 1040;
    public static final double DEFAULT_HEIGHT = 720;

    private WindowPlacement() {
    }

    public static double width(WindowSettings settings) {
        return settings.number("width").filter(w -> w >= 400).orElse(DEFAULT_WIDTH);
    }

    public static double height(WindowSettings settings) {
        return settings.number("height").filter(h -> h >= 300).orElse(DEFAULT_HEIGHT);
    }

    /** The remembered position, if it is still on a screen (monitors come and go). */
    public static void restorePosition(Stage stage, WindowSettings settings) {
        double x = settings.number("x").orElse(Double.NaN);
        double y = settings.number("y").orElse(Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y) && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 40)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
    }

    public static void remember(Stage stage, WindowSettings settings, String profile) {
        settings.put("x", stage.getX());
        settings.put("y", stage.getY());
        settings.put("width", stage.getScene().getWidth());
        settings.put("height", stage.getScene().getHeight());
        settings.put("profile", profile);
    }
}
