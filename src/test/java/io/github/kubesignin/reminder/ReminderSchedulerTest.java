package io.github.kubesignin.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.session.CachedToken;
import io.github.kubesignin.session.SignInRequiredException;
import io.github.kubesignin.testing.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reminder state machine, driven by hand with a test clock instead of a timer. */
class ReminderSchedulerTest {
    static final Instant START = Instant.parse("2026-12-04T13:00:00Z");

    final AdjustableClock clock = new AdjustableClock(START);
    final Map<String, CachedToken> cache = new HashMap<>();
    final Map<String, ReminderSettings> settings = new HashMap<>();
    final List<String> refreshed = new ArrayList<>();
    RuntimeException refreshFailure;

    final ReminderScheduler scheduler = new ReminderScheduler(
            () -> List.copyOf(cache.keySet()),
            name -> Optional.ofNullable(cache.get(name)),
            name -> settings.getOrDefault(name, ReminderSettings.DEFAULT),
            this::refresh);

    private void refresh(String profile) {
        refreshed.add(profile);
        if (refreshFailure != null) {
            throw refreshFailure;
        }
        cache.put(profile, token("renewed", clock.instant().plus(Duration.ofHours(1))));
    }

    static CachedToken token(String id, Instant expiry) {
        return new CachedToken(id, expiry);
    }

    private List<Notice> after(Duration duration) {
        clock.advance(duration);
        return scheduler.tick(clock.instant());
    }

    @Test
    void remindsTheLeadTimeBeforeExpiryOnce() {
        Instant expiry = START.plus(Duration.ofHours(1));
        cache.put("work", token("t1", expiry));

        assertThat(scheduler.tick(clock.instant())).isEmpty();
        assertThat(scheduler.nextWakeUp()).contains(expiry.minus(Duration.ofMinutes(5)));
        assertThat(after(Duration.ofMinutes(54))).isEmpty();
        assertThat(after(Duration.ofMinutes(1))).containsExactly(new Notice.ExpiryReminder("work", expiry));
        assertThat(after(Duration.ofSeconds(5))).isEmpty();
        assertThat(after(Duration.ofMinutes(10))).as("not even once it has expired").isEmpty();
        assertThat(scheduler.nextWakeUp()).isEmpty();
    }

    @Test
    void theLeadTimeIsPerProfile() {
        Instant expiry = START.plus(Duration.ofHours(1));
        cache.put("work", token("t1", expiry));
        cache.put("lab", token("t2", expiry));
        settings.put("lab", new ReminderSettings(Duration.ofMinutes(15), false));
        scheduler.tick(clock.instant());

        assertThat(after(Duration.ofMinutes(45))).containsExactly(new Notice.ExpiryReminder("lab", expiry));
        assertThat(after(Duration.ofMinutes(10))).containsExactly(new Notice.ExpiryReminder("work", expiry));
    }

    @Test
    void aTokenRenewedMidwayIsNeverRemindedOf() {
        Instant oldExpiry = START.plus(Duration.ofHours(1));
        cache.put("work", token("old", oldExpiry));
        scheduler.tick(clock.instant());

        clock.advance(Duration.ofMinutes(30));
        Instant newExpiry = clock.instant().plus(Duration.ofHours(1));
        cache.put("work", token("new", newExpiry)); // e.g. get-token renewed it in another process
        assertThat(scheduler.tick(clock.instant())).isEmpty();
        assertThat(scheduler.nextWakeUp()).contains(newExpiry.minus(Duration.ofMinutes(5)));

        assertThat(after(Duration.ofMinutes(30))).as("the old token's reminder time").isEmpty();
        assertThat(after(Duration.ofMinutes(25))).containsExactly(new Notice.ExpiryReminder("work", newExpiry));
    }

    @Test
    void anOverdueReminderFiresAtOnceAfterSleepAndNeverTwice() {
        Instant expiry = START.plus(Duration.ofHours(1));
        cache.put("work", token("t1", expiry));
        scheduler.tick(clock.instant());

        assertThat(after(Duration.ofMinutes(58))).as("woke up 2 minutes before expiry")
                .containsExactly(new Notice.ExpiryReminder("work", expiry));
        assertThat(after(Duration.ofSeconds(1))).isEmpty();
        clock.advance(Duration.ofMinutes(-30)); // the clock jumps back: still never twice
        assertThat(scheduler.tick(clock.instant())).isEmpty();
        assertThat(after(Duration.ofMinutes(30))).isEmpty();
    }

    @Test
    void aSleepPastExpirySaysItExpiredOnce() {
        Instant expiry = START.plus(Duration.ofHours(1));
        cache.put("work", token("t1", expiry));
        scheduler.tick(clock.instant());

        assertThat(after(Duration.ofHours(3))).containsExactly(new Notice.ExpiryReminder("work", expiry));
        assertThat(after(Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void aTokenAlreadyExpiredAtStartUpIsNotAnnounced() {
        cache.put("work", token("yesterday", START.minus(Duration.ofHours(20))));

        assertThat(scheduler.tick(clock.instant())).isEmpty();
        assertThat(scheduler.nextWakeUp()).isEmpty();
    }

    @Test
    void aShortLivedTokenIsNotRemindedOfTheMomentItArrives() {
        Instant expiry = START.plus(Duration.ofMinutes(5)); // Keycloak's default lifetime, equal to the lead time
        cache.put("kc", token("t1", expiry));

        assertThat(scheduler.tick(clock.instant())).isEmpty();
        assertThat(scheduler.nextWakeUp()).contains(expiry.minus(Duration.ofSeconds(150)));
        assertThat(after(Duration.ofSeconds(150))).containsExactly(new Notice.ExpiryReminder("kc", expiry));
    }

    @Test
    void autoRefreshRenewsSilentlyAndSchedulesTheNewToken() {
        settings.put("work", new ReminderSettings(Duration.ofMinutes(5), true));
        cache.put("work", token("t1", START.plus(Duration.ofHours(1))));
        scheduler.tick(clock.instant());

        assertThat(after(Duration.ofMinutes(54))).isEmpty();
        assertThat(refreshed).isEmpty();
        assertThat(after(Duration.ofMinutes(1))).as("silent on success").isEmpty();
        assertThat(refreshed).containsExactly("work");
        assertThat(scheduler.nextWakeUp()).contains(clock.instant().plus(Duration.ofMinutes(55)));
        assertThat(after(Duration.ofMinutes(10))).isEmpty();
        assertThat(refreshed).hasSize(1);
    }

    @Test
    void aFailedAutoRefreshIsShownWithItsReasonOnce() {
        Instant expiry = START.plus(Duration.ofHours(1));
        settings.put("work", new ReminderSettings(Duration.ofMinutes(5), true));
        cache.put("work", token("t1", expiry));
        refreshFailure = new SignInRequiredException("work", "the refresh token was rejected");
        scheduler.tick(clock.instant());

        List<Notice> notices = after(Duration.ofMinutes(55));

        assertThat(notices).hasSize(1);
        Notice.RefreshFailed failed = (Notice.RefreshFailed) notices.get(0);
        assertThat(failed.profile()).isEqualTo("work");
        assertThat(failed.expiry()).isEqualTo(expiry);
        assertThat(failed.reason()).contains("the refresh token was rejected");
        assertThat(after(Duration.ofMinutes(1))).as("no retry storm").isEmpty();
        assertThat(refreshed).hasSize(1);
    }

    @Test
    void changedSettingsApplyToTheTokenWaitingForItsReminder() {
        Instant expiry = START.plus(Duration.ofHours(1));
        cache.put("work", token("t1", expiry));
        scheduler.tick(clock.instant());

        settings.put("work", new ReminderSettings(Duration.ofMinutes(20), false)); // e.g. in the window's profile form

        assertThat(after(Duration.ofMinutes(39))).isEmpty();
        assertThat(scheduler.nextWakeUp()).contains(expiry.minus(Duration.ofMinutes(20)));
        assertThat(after(Duration.ofMinutes(1))).containsExactly(new Notice.ExpiryReminder("work", expiry));
        settings.put("work", new ReminderSettings(Duration.ofMinutes(10), false));
        assertThat(after(Duration.ofMinutes(11))).as("already reminded: not again").isEmpty();
    }

    @Test
    void switchingOnAutoRefreshRenewsInsteadOfReminding() {
        Instant expiry = START.plus(Duration.ofHours(1));
        cache.put("work", token("t1", expiry));
        scheduler.tick(clock.instant());

        settings.put("work", new ReminderSettings(ReminderSettings.DEFAULT_LEAD_TIME, true));

        assertThat(after(Duration.ofMinutes(55))).isEmpty();
        assertThat(refreshed).containsExactly("work");
    }

    @Test
    void aSignedOutProfileIsForgotten() {
        cache.put("work", token("t1", START.plus(Duration.ofHours(1))));
        scheduler.tick(clock.instant());
        cache.remove("work");

        assertThat(after(Duration.ofMinutes(58))).isEmpty();
        assertThat(scheduler.nextWakeUp()).isEmpty();
    }
}
