package io.github.kubesignin.ui;

import io.github.kubesignin.files.AtomicFileWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What the window remembers between runs (size, position, last profile, theme) in a small properties file in the
 * config directory. A missing or unreadable file just means defaults: it is a convenience, never a reason to fail.
 */
public final class WindowSettings {
    public static final String FILE_NAME = "window.properties";
    private final Path file;
    private final Properties values = new Properties();

    private WindowSettings(Path file) {
        this.file = file;
    }

    public static WindowSettings load(Path configDirectory) {
        WindowSettings settings = new WindowSettings(configDirectory.resolve(FILE_NAME));
        if (Files.isRegularFile(settings.file)) {
            try (Reader reader = Files.newBufferedReader(settings.file, StandardCharsets.UTF_8)) {
                settings.values.load(reader);
            } catch (IOException | IllegalArgumentException unreadable) {
                settings.values.clear();
            }
        }
        return settings;
    }

    /** Written atomically (temp file, fsync, rename) so a crash never leaves half a file. */
    public void save() throws IOException {
        AtomicFileWriter.createPrivateDirectories(file.getParent());
        StringWriter text = new StringWriter();
        values.store(text, "kubesignin window settings");
        AtomicFileWriter.write(file, text.toString());
    }

    public Optional<Double> number(String key) {
        try {
            return Optional.ofNullable(values.getProperty(key)).map(Double::parseDouble).filter(d -> !d.isNaN());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Optional<String> text(String key) {
        return Optional.ofNullable(values.getProperty(key)).filter(s -> !s.isBlank());
    }

    public void put(String key, double value) {
        values.setProperty(key, Double.toString(value));
    }

    public void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    public boolean darkTheme() {
        return text("theme").map("dark"::equals).orElse(false);
    }

    public void darkTheme(boolean dark) {
        put("theme", dark ? "dark" : "light");
    }

    public Path file() {
        return file;
    }
}
