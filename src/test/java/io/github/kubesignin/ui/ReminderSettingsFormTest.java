package io.github.kubesignin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.reminder.ReminderSettings;
import io.github.kubesignin.testing.RunningIssuer;
import io.github.kubesignin.ui.profiles.ProfilesViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The tray reminder rows of the profile form: saved with the profile, shown when it is loaded, gone with it. */
class ReminderSettingsFormTest {
    @RegisterExtension
    static final RunningIssuer demo = RunningIssuer.demo();

    @Test
    void savedWithTheProfileAndShownWhenItIsLoadedAgain(@TempDir Path home) {
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            ProfilesViewModel form = new ProfilesViewModel(fixture.inlineModel());
            form.load(fixture.demoProfile("work"));
            assertThat(form.reminder().leadTimeProperty().get()).isEqualTo(ReminderSettings.DEFAULT_LEAD_TIME);
            assertThat(form.reminder().autoRefreshProperty().get()).isFalse();

            form.reminder().leadTimeProperty().set(Duration.ofMinutes(15));
            form.reminder().autoRefreshProperty().set(true);
            form.save();

            assertThat(form.errorProperty().get()).isEmpty();
            assertThat(fixture.app.reminderSettings().settings("work"))
                    .isEqualTo(new ReminderSettings(Duration.ofMinutes(15), true));
            form.newProfile();
            assertThat(form.reminder().leadTimeProperty().get()).as("a new profile starts with the defaults")
                    .isEqualTo(ReminderSettings.DEFAULT_LEAD_TIME);
            form.load(fixture.app.profileStore().get("work"));
            assertThat(form.reminder().leadTimeProperty().get()).isEqualTo(Duration.ofMinutes(15));
            assertThat(form.reminder().autoRefreshProperty().get()).isTrue();
        }
    }

    @Test
    void aHandEditedLeadTimeIsOfferedSoThatShowingItChangesNothing(@TempDir Path home) throws Exception {
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            fixture.saveDemoProfile("work");
            fixture.app.reminderSettings().save("work", new ReminderSettings(Duration.ofMinutes(7), false));
            ProfilesViewModel form = new ProfilesViewModel(fixture.inlineModel());

            form.load(fixture.app.profileStore().get("work"));

            assertThat(form.reminder().leadTimeChoices()).contains(Duration.ofMinutes(7), Duration.ofMinutes(5));
            assertThat(form.reminder().leadTimeProperty().get()).isEqualTo(Duration.ofMinutes(7));
        }
    }

    @Test
    void aFormThatFailsValidationSavesNoReminderSettings(@TempDir Path home) {
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            ProfilesViewModel form = new ProfilesViewModel(fixture.inlineModel());
            form.nameProperty().set("bad name!");
            form.reminder().autoRefreshProperty().set(true);

            form.save();

            assertThat(form.errorProperty().get()).isNotEmpty();
            assertThat(Files.exists(fixture.app.directories().config().resolve("reminders.properties"))).isFalse();
        }
    }

    @Test
    void removingTheProfileForgetsItsReminderSettings(@TempDir Path home) {
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            fixture.saveDemoProfile("work");
            fixture.app.reminderSettings().save("work", new ReminderSettings(Duration.ofMinutes(15), true));
            ProfilesViewModel form = new ProfilesViewModel(fixture.inlineModel());
            form.load(fixture.app.profileStore().get("work"));

            form.remove();

            assertThat(fixture.app.reminderSettings().settings("work")).isEqualTo(ReminderSettings.DEFAULT);
        }
    }
}
