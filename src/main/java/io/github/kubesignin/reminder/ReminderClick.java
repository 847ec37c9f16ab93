package io.github.kubesignin.reminder;

import java.util.Optional;

/**
 * What a click on the tray's notification means. Tray notifications cannot carry buttons, so the reminder itself is
 * the "Refresh now" button: clicking it renews the profile it named. Any other click opens the window.
 */
public final class ReminderClick {
    private String profileToRefresh;

    /** A reminder for {@code notice}'s profile is on screen; a failed auto-refresh is too (retrying is the fix). */
    public synchronized void shown(Notice notice) {
        profileToRefresh = notice.profile();
    }

    /** The profile to refresh for this click, once; empty means "open the window". */
    public synchronized Optional<String> clicked() {
        Optional<String> profile = Optional.ofNullable(profileToRefresh);
        profileToRefresh = null;
        return profile;
    }

    /** The profile's token changed (renewed here or elsewhere): its reminder no longer needs an answer. */
    public synchronized void renewed(String profile) {
        if (profile.equals(profileToRefresh)) {
            profileToRefresh = null;
        }
    }
}
