package io.github.kubesignin.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NoticeTextTest {
    static final Instant NOW = Instant.parse("2026-12-04T13:00:00Z");

    @Test
    void aReminderSaysWhatExpiresWhen() {
        NoticeText text = NoticeText.of(new Notice.ExpiryReminder("work", NOW.plusSeconds(300)), NOW, ZoneOffset.ofHours(1));

        assertThat(text.title()).isEqualTo("kubesignin: work expires in 5m 0s, at 14:05");
        assertThat(text.body()).isEqualTo("Click here to renew it now or choose Refresh now in the tray menu.");
    }

    @Test
    void aFailedRefreshGivesTheReason() {
        NoticeText text = NoticeText.of(new Notice.RefreshFailed("work", NOW.minusSeconds(60), "the issuer is unreachable"),
                NOW, ZoneOffset.UTC);

        assertThat(text.title()).isEqualTo("kubesignin: work expired at 12:59");
        assertThat(text.body()).isEqualTo("Renewal failed: the issuer is unreachable. Click here to try again now.");
    }
}
