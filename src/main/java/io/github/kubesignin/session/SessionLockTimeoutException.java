package io.github.kubesignin.session;

import java.time.Duration;

/** Another process (or thread) held the profile's session lock for longer than the timeout. */
public class SessionLockTimeoutException extends RuntimeException {
    private final String profile;

    public SessionLockTimeoutException(String profile, Duration timeout) {
        super("another kubesignin process has been renewing the session of profile '" + profile + "' for more than "
                + timeout.toSeconds() + " s; try again, or end that process");
        this.profile = profile;
    }

    public String profile() {
        return profile;
    }
}
