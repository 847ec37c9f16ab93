package io.github.kubesignin.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.session.CachedToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tray menu as data, from each state a profile's session can be in. */
class TrayMenuModelTest {
    static final Instant NOW = Instant.parse("2026-12-04T13:00:00Z");
    static final ZoneId ZONE = ZoneOffset.ofHours(1);
    static final ReminderSettings AUTO = new ReminderSettings(java.time.Duration.ofMinutes(10), true);

    static Profile profile(String name) {
        return new Profile(name, URI.create("https://idp.example.com/realms/kube"), "kube", ClientAuthentication.PUBLIC,
                Profile.DEFAULT_SCOPES, Map.of(), "email", "groups", null, null);
    }

    static String jwt(String email) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"email\":\"" + email + "\"}").getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void aSignedInProfileShowsWhoAndUntilWhen() {
        CachedToken token = new CachedToken(jwt("alice@example.com"), Instant.parse("2026-12-04T13:05:00Z"));

        List<TrayMenuItem> menu = TrayMenuModel.build(List.of(profile("work")), name -> Optional.of(token), name -> AUTO, NOW, ZONE);

        assertThat(menu).containsExactly(
                new TrayMenuItem.ProfileEntry("work", "alice@example.com until 14:05",
                        List.of(ProfileAction.REFRESH_NOW, ProfileAction.OPEN_INSPECTOR), AUTO),
                new TrayMenuItem.Separator(), new TrayMenuItem.OpenWindow(), new TrayMenuItem.Quit());
        assertThat(((TrayMenuItem.ProfileEntry) menu.get(0)).label()).isEqualTo("work: alice@example.com until 14:05");
    }

    @Test
    void theLeadTimeChoicesIncludeAHandEditedOne() {
        TrayMenuItem.ProfileEntry entry = TrayMenuModel.entry(profile("work"), Optional.empty(),
                new ReminderSettings(java.time.Duration.ofMinutes(7), false), NOW, ZONE);

        assertThat(entry.leadTimeChoices()).extracting(java.time.Duration::toMinutes).containsExactly(1L, 5L, 7L, 10L, 15L, 30L);
    }

    @Test
    void anExpiredTokenOffersRefreshAndSignIn() {
        CachedToken token = new CachedToken(jwt("alice@example.com"), NOW.minusSeconds(1));

        assertThat(TrayMenuModel.entry(profile("work"), Optional.of(token), ReminderSettings.DEFAULT, NOW, ZONE))
                .isEqualTo(new TrayMenuItem.ProfileEntry("work", "expired",
                        List.of(ProfileAction.REFRESH_NOW, ProfileAction.SIGN_IN, ProfileAction.OPEN_INSPECTOR), ReminderSettings.DEFAULT));
    }

    @Test
    void withoutATokenTheProfileIsSignedOut() {
        assertThat(TrayMenuModel.entry(profile("work"), Optional.empty(), ReminderSettings.DEFAULT, NOW, ZONE))
                .isEqualTo(new TrayMenuItem.ProfileEntry("work", "signed out", List.of(ProfileAction.SIGN_IN), ReminderSettings.DEFAULT));
    }

    @Test
    void aTokenValidTomorrowShowsTheDayAndAnUnreadableOneStillItsTime() {
        CachedToken token = new CachedToken("not-a-jwt", Instant.parse("2026-12-05T13:05:00Z"));

        assertThat(TrayMenuModel.entry(profile("work"), Optional.of(token), ReminderSettings.DEFAULT, NOW, ZONE).state())
                .startsWith("signed in until ").endsWith(" 5 14:05");
    }

    @Test
    void everyProfileIsListedInOrderAndNoProfilesMeansJustOpenAndQuit() {
        List<TrayMenuItem> menu = TrayMenuModel.build(List.of(profile("b"), profile("a")), name -> Optional.empty(), name -> ReminderSettings.DEFAULT, NOW, ZONE);
        assertThat(menu).extracting(item -> item instanceof TrayMenuItem.ProfileEntry e ? e.profile() : item.getClass().getSimpleName())
                .containsExactly("b", "a", "Separator", "OpenWindow", "Quit");

        assertThat(TrayMenuModel.build(List.of(), name -> Optional.empty(), name -> ReminderSettings.DEFAULT, NOW, ZONE))
                .containsExactly(new TrayMenuItem.OpenWindow(), new TrayMenuItem.Quit());
    }
}
