package io.github.kubesignin.ui;

import java.io.InputStream;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The app icon for the window's title bar and task switcher, from the renditions in {@code icons/png}. */
final class WindowIcons {
    static final List<Integer> SIZES = List.of(16, 32, 48, 64, 128, 256);

    private WindowIcons() {
    }

    /** Gives the stage every size, so the desktop picks the sharpest for each place it shows the icon. */
    static void addTo(Stage stage) {
        for (Image image : images()) {
            stage.getIcons().add(image);
        }
    }

    static List<Image> images() {
        return SIZES.stream().map(WindowIcons::load).toList();
    }

    private static Image load(int size) {
        String name = "icons/kubesignin-" + size + ".png";
        InputStream in = WindowIcons.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the window icon " + name + " is missing from the build (icons/png)");
        }
        return new Image(in);
    }
}
