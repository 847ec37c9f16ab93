package io.github.kubesignin.reminder;

import java.time.Duration;
import java.util.Objects;

/**
 * How the tray looks after one profile's token.
 *
 * @param leadTime    how long before {@code exp} the reminder (or the silent auto-refresh) happens
 * @param autoRefresh renew silently instead of reminding; a failure is still shown, with its reason
 */
public record ReminderSettings(Duration leadTime, boolean autoRefresh) {
    public static final Duration DEFAULT_LEAD_TIME = Duration.ofMinutes(5);
    public static final ReminderSettings DEFAULT = new ReminderSettings(DEFAULT_LEAD_TIME, false);

    public ReminderSettings {
        Objects.requireNonNull(leadTime, "leadTime");
        if (leadTime.isNegative() || leadTime.isZero()) {
            throw new IllegalArgumentException("the lead time must be positive: " + leadTime);
        }
    }
}
