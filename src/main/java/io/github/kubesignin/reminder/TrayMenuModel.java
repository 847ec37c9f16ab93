package io.github.kubesignin.reminder;

import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.session.CachedToken;
import io.github.kubesignin.token.JwtDecoder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the tray menu from the profiles and their cached tokens: a profile entry each, then "Open kubesignin" and
 * "Quit". Reads only the cache (never the keychain or the network), so it can be rebuilt every time the menu opens.
 */
public final class TrayMenuModel {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("MMM d HH:mm");

    private TrayMenuModel() {
    }

    public static List<TrayMenuItem> build(List<Profile> profiles, Function<String, Optional<CachedToken>> cached,
                                           Function<String, ReminderSettings> settings, Instant now, ZoneId zone) {
        List<TrayMenuItem> items = new ArrayList<>();
        for (Profile profile : profiles) {
            items.add(entry(profile, cached.apply(profile.name()), settings.apply(profile.name()), now, zone));
        }
        if (!profiles.isEmpty()) {
            items.add(new TrayMenuItem.Separator());
        }
        items.add(new TrayMenuItem.OpenWindow());
        items.add(new TrayMenuItem.Quit());
        return List.copyOf(items);
    }

    static TrayMenuItem.ProfileEntry entry(Profile profile, Optional<CachedToken> token, ReminderSettings reminder,
                                           Instant now, ZoneId zone) {
        if (token.isEmpty()) {
            return new TrayMenuItem.ProfileEntry(profile.name(), "signed out", List.of(ProfileAction.SIGN_IN), reminder);
        }
        if (!token.get().expiry().isAfter(now)) {
            // a refresh token or remembered password may still renew it; if not, Refresh now says so
            return new TrayMenuItem.ProfileEntry(profile.name(), "expired",
                    List.of(ProfileAction.REFRESH_NOW, ProfileAction.SIGN_IN, ProfileAction.OPEN_INSPECTOR), reminder);
        }
        String state = identity(profile, token.get()) + " until " + clockTime(token.get().expiry(), now, zone);
        return new TrayMenuItem.ProfileEntry(profile.name(), state,
                List.of(ProfileAction.REFRESH_NOW, ProfileAction.OPEN_INSPECTOR), reminder);
    }

    /** Who the cluster will see: the claim the API server takes the username from, as the status bar shows it. */
    static String identity(Profile profile, CachedToken token) {
        try {
            return JwtDecoder.decode(token.idToken()).stringClaim(profile.usernameClaim()).orElse("signed in");
        } catch (RuntimeException e) {
            return "signed in"; // an unreadable token still has an expiry worth showing
        }
    }

    /** "14:05" today, "Dec 5 14:05" on another day. */
    static String clockTime(Instant when, Instant now, ZoneId zone) {
        boolean today = when.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? CLOCK : DAY_AND_CLOCK).format(when.atZone(zone));
    }
}
