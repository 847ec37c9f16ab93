package io.github.kubesignin.reminder;

import io.github.kubesignin.session.CachedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decides when each profile's token needs attention: a reminder {@code leadTime} before {@code exp}, or with
 * auto-refresh a silent renewal then (and a notice only when it fails). A state machine driven by the caller:
 * {@link #tick(Instant)} re-reads the cached tokens and returns what is due; {@link #nextWakeUp()} says when the
 * next thing falls due. The caller should also tick every few seconds, since another process ({@code get-token})
 * may renew a token in the cache at any time.
 *
 * <p>Settings are read on every tick, so a change made anywhere (the tray menu, the window's profile form, by hand)
 * applies to a token still waiting for its reminder; one already reminded of stays so.
 *
 * <p>Each token is handled at most once: a renewed token (seen as a different cache entry, whoever renewed it)
 * starts over, and a reminder for the old one is never shown. After a sleep or a clock jump the next tick finds the
 * due time passed and fires at once; a jump backwards does not fire it again.
 *
 * <p>Not thread-safe: one timer thread drives it.
 */
public final class ReminderScheduler {
    private final Supplier<List<String>> profiles;
    private final Function<String, Optional<CachedToken>> cache;
    private final Function<String, ReminderSettings> settings;
    private final ProfileRefresher refresher;
    private final Map<String, Watched> watched = new HashMap<>();

    /**
     * @param profiles  the profile names, read on each tick
     * @param cache     the cached token of a profile (cheap: a file read)
     * @param settings  the reminder settings of a profile
     * @param refresher renews a profile when auto-refresh is on; called on the ticking thread
     */
    public ReminderScheduler(Supplier<List<String>> profiles, Function<String, Optional<CachedToken>> cache,
                             Function<String, ReminderSettings> settings, ProfileRefresher refresher) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.refresher = Objects.requireNonNull(refresher, "refresher");
    }

    /** Re-reads every profile's token and handles what is due at {@code now}; returns the notices to show. */
    public List<Notice> tick(Instant now) {
        List<Notice> notices = new ArrayList<>();
        List<String> names = profiles.get();
        watched.keySet().retainAll(new HashSet<>(names));
        for (String name : names) {
            Optional<Watched> current = observe(name, now);
            if (current.isPresent() && current.get().isDue(now)) {
                handle(name, current.get(), now).ifPresent(notices::add);
            }
        }
        return notices;
    }

    /** When the earliest pending reminder or refresh falls due; empty when nothing is pending. */
    public Optional<Instant> nextWakeUp() {
        return watched.values().stream().filter(w -> !w.handled).map(Watched::dueAt).min(Instant::compareTo);
    }

    private Optional<Watched> observe(String name, Instant now) {
        Optional<CachedToken> token = cache.apply(name);
        if (token.isEmpty()) {
            watched.remove(name); // signed out: nothing to remind of
            return Optional.empty();
        }
        Watched known = watched.get(name);
        ReminderSettings current = settings.apply(name);
        if (known != null && known.token.equals(token.get())) {
            if (!known.handled && !known.settings.equals(current)) {
                // from when the token was first seen, so that the lead-time cap does not shrink with every change
                Watched rescheduled = Watched.firstSeen(known.token, known.firstSeen, current);
                watched.put(name, rescheduled);
                return Optional.of(rescheduled);
            }
            return Optional.of(known);
        }
        Watched fresh = Watched.firstSeen(token.get(), now, current);
        watched.put(name, fresh);
        return Optional.of(fresh);
    }

    private Optional<Notice> handle(String name, Watched due, Instant now) {
        due.handled = true; // before anything can fail: never twice for one token
        Instant expiry = due.token.expiry();
        if (!due.autoRefresh || !expiry.isAfter(now)) {
            // an expired token cannot be renewed silently any more than a live one, but the person should know
            return Optional.of(new Notice.ExpiryReminder(name, expiry));
        }
        try {
            refresher.refresh(name);
        } catch (RuntimeException e) {
            return Optional.of(new Notice.RefreshFailed(name, expiry, reason(e)));
        }
        observe(name, now); // the renewed token starts its own schedule right away
        return Optional.empty();
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** One token of one profile, and whether its reminder or refresh has happened. */
    private static final class Watched {
        final CachedToken token;
        final Instant firstSeen;
        final ReminderSettings settings;
        final Instant dueAt;
        final boolean autoRefresh;
        boolean handled;

        private Watched(CachedToken token, Instant firstSeen, ReminderSettings settings, Instant dueAt, boolean handled) {
            this.token = token;
            this.firstSeen = firstSeen;
            this.settings = settings;
            this.dueAt = dueAt;
            this.autoRefresh = settings.autoRefresh();
            this.handled = handled;
        }

        /**
         * A token seen for the first time. The lead time is capped at half of what the token has left, so that a
         * short-lived token (Keycloak's default is 5 minutes, the default lead time too) is not reminded of, or
         * renewed, the moment it arrives. A token that has already expired when first seen (one left from yesterday
         * when the app starts) is not worth a notice: the menu says "expired".
         */
        static Watched firstSeen(CachedToken token, Instant now, ReminderSettings settings) {
            Duration left = Duration.between(now, token.expiry());
            Duration lead = settings.leadTime();
            if (lead.compareTo(left.dividedBy(2)) > 0) {
                lead = left.dividedBy(2);
            }
            boolean expired = !token.expiry().isAfter(now);
            return new Watched(token, now, settings, token.expiry().minus(lead), expired);
        }

        Instant dueAt() {
            return dueAt;
        }

        boolean isDue(Instant now) {
            return !handled && !now.isBefore(dueAt);
        }
    }
}
