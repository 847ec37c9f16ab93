package io.github.kubesignin.reminder;

import java.time.Instant;

/** Something the tray tells the person. */
public sealed interface Notice {
    String profile();

    Instant expiry();

    /** The token expires soon (or, after a sleep, has already expired) and nothing renews it by itself. */
    record ExpiryReminder(String profile, Instant expiry) implements Notice {
    }

    /** The silent auto-refresh failed; the token runs out at {@code expiry} unless the person acts. */
    record RefreshFailed(String profile, Instant expiry, String reason) implements Notice {
    }
}
