package io.github.kubesignin.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReminderClickTest {
    private static final Instant EXP = Instant.parse("2026-12-04T14:05:00Z");

    @Test
    void aClickOnAReminderRefreshesItsProfileOnce() {
        ReminderClick click = new ReminderClick();
        click.shown(new Notice.ExpiryReminder("work", EXP));
        assertThat(click.clicked()).hasValue("work");
        assertThat(click.clicked()).as("the next click opens the window").isEmpty();
    }

    @Test
    void aClickWithoutAReminderOpensTheWindow() {
        assertThat(new ReminderClick().clicked()).isEmpty();
    }

    @Test
    void aRenewalElsewhereAnswersTheReminder() {
        ReminderClick click = new ReminderClick();
        click.shown(new Notice.RefreshFailed("work", EXP, "the issuer is unreachable"));
        click.renewed("home");
        assertThat(click.clicked()).hasValue("work");
        click.shown(new Notice.ExpiryReminder("work", EXP));
        click.renewed("work");
        assertThat(click.clicked()).isEmpty();
    }
}
