package io.github.kubesignin.reminder;

import io.github.kubesignin.files.AtomicFileWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Per-profile reminder settings in {@code reminders.properties} beside the profiles file:
 * {@code NAME.lead-minutes=5} and {@code NAME.auto-refresh=true}. Kept apart from the profiles file so that
 * {@code get-token}, which reads that one, never sees tray settings. A missing or unreadable value means the default.
 */
public final class ReminderSettingsStore {
    private static final String LEAD = ".lead-minutes";
    private static final String AUTO = ".auto-refresh";

    private final Path file;

    public ReminderSettingsStore(Path file) {
        this.file = file;
    }

    public static ReminderSettingsStore inConfigDirectory(Path configDirectory) {
        return new ReminderSettingsStore(configDirectory.resolve("reminders.properties"));
    }

    public ReminderSettings settings(String profile) {
        Properties all = readAll();
        Duration lead = ReminderSettings.DEFAULT_LEAD_TIME;
        try {
            String minutes = all.getProperty(profile + LEAD);
            if (minutes != null && Long.parseLong(minutes.trim()) > 0) {
                lead = Duration.ofMinutes(Long.parseLong(minutes.trim()));
            }
        } catch (NumberFormatException e) {
            // a hand-edited value that is not a number: the default is the safe reading
        }
        return new ReminderSettings(lead, Boolean.parseBoolean(all.getProperty(profile + AUTO, "false").trim()));
    }

    public void save(String profile, ReminderSettings settings) {
        Properties all = readAll();
        all.setProperty(profile + LEAD, Long.toString(Math.max(1, settings.leadTime().toMinutes())));
        all.setProperty(profile + AUTO, Boolean.toString(settings.autoRefresh()));
        write(all);
    }

    /** Forgets a removed profile's settings. */
    public void remove(String profile) {
        Properties all = readAll();
        all.remove(profile + LEAD);
        all.remove(profile + AUTO);
        write(all);
    }

    private Properties readAll() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            // nothing saved yet: every profile has the defaults
        } catch (IOException | IllegalArgumentException e) {
            // unreadable: the defaults remind, which is the safe side; the next save replaces the file
        }
        return properties;
    }

    private void write(Properties all) {
        // sorted and without Properties' date comment, so the file only changes when a setting does
        StringBuilder text = new StringBuilder("# kubesignin tray reminders: NAME.lead-minutes, NAME.auto-refresh\n");
        for (String key : new TreeSet<>(all.stringPropertyNames())) {
            // profile names are restricted to safe characters and values are numbers or booleans: nothing to escape
            text.append(key).append('=').append(all.getProperty(key)).append('\n');
        }
        try {
            AtomicFileWriter.write(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the reminder settings in " + file + ": " + e.getMessage(), e);
        }
    }
}
