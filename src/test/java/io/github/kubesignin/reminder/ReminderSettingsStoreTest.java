package io.github.kubesignin.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReminderSettingsStoreTest {
    @TempDir
    Path config;

    @Test
    void defaultsUntilSavedThenPerProfile() {
        ReminderSettingsStore store = ReminderSettingsStore.inConfigDirectory(config);
        assertThat(store.settings("work")).isEqualTo(ReminderSettings.DEFAULT);

        store.save("work", new ReminderSettings(Duration.ofMinutes(15), true));

        assertThat(ReminderSettingsStore.inConfigDirectory(config).settings("work"))
                .isEqualTo(new ReminderSettings(Duration.ofMinutes(15), true));
        assertThat(store.settings("lab")).isEqualTo(ReminderSettings.DEFAULT);
        store.remove("work");
        assertThat(store.settings("work")).isEqualTo(ReminderSettings.DEFAULT);
    }

    @Test
    void aHandEditedNonsenseValueMeansTheDefault() throws Exception {
        Files.writeString(config.resolve("reminders.properties"), "work.lead-minutes=soon\nwork.auto-refresh=yes\n");

        assertThat(ReminderSettingsStore.inConfigDirectory(config).settings("work")).isEqualTo(ReminderSettings.DEFAULT);
    }
}
