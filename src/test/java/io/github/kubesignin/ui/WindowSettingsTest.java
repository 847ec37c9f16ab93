package io.github.kubesignin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowSettingsTest {
    @Test
    void sizePositionProfileAndThemeSurviveARestart(@TempDir Path config) throws Exception {
        WindowSettings settings = WindowSettings.load(config);
        assertThat(settings.number("width")).isEmpty();
        assertThat(settings.darkTheme()).isFalse();
        settings.put("width", 900);
        settings.put("x", 12.5);
        settings.put("profile", "demo");
        settings.darkTheme(true);
        settings.save();

        WindowSettings again = WindowSettings.load(config);
        assertThat(again.number("width")).contains(900.0);
        assertThat(again.number("x")).contains(12.5);
        assertThat(again.text("profile")).contains("demo");
        assertThat(again.darkTheme()).isTrue();
    }

    @Test
    void aDamagedFileMeansDefaults(@TempDir Path config) throws Exception {
        Files.writeString(config.resolve(WindowSettings.FILE_NAME), "width=wide\nx=\\u00zz\n");
        WindowSettings settings = WindowSettings.load(config);
        assertThat(settings.number("width")).isEmpty();
    }
}
