package io.github.kubesignin.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A profile's current id_token and when it expires (its {@code exp}), so that readers need no JWT parsing.
 * {@link #toString()} leaves the token out: it is a bearer credential for the cluster.
 */
public record CachedToken(String idToken, Instant expiry) {
    public CachedToken {
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(expiry, "expiry");
    }

    /** True when the token stays valid for more than {@code margin} after {@code now}. */
    public boolean isValidFor(Instant now, Duration margin) {
        return expiry.isAfter(now.plus(margin));
    }

    @Override
    public String toString() {
        return "CachedToken[expires " + expiry + "]";
    }
}
