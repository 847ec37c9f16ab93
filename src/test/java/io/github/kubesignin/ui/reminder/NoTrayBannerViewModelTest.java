package io.github.kubesignin.ui.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.app.AppContext;
import io.github.kubesignin.app.AppDirectories;
import io.github.kubesignin.oidc.HttpSettings;
import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.reminder.ReminderSettings;
import io.github.kubesignin.secret.InMemorySecretStore;
import io.github.kubesignin.session.CachedToken;
import io.github.kubesignin.testing.AdjustableClock;
import io.github.kubesignin.ui.AppModel;
import io.github.kubesignin.ui.common.BackgroundWork;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The banner shown instead of tray reminders, without a toolkit. */
class NoTrayBannerViewModelTest {
    static final Instant START = Instant.parse("2026-12-04T13:00:00Z");

    @TempDir
    Path home;

    final AdjustableClock clock = new AdjustableClock(START);
    AppContext app;
    AppModel model;

    @BeforeEach
    void setUp() {
        app = new AppContext(new AppDirectories(home.resolve("config"), home.resolve("cache"), home), clock, Map.of(),
                InMemorySecretStore::new, HttpSettings.DEFAULT);
        app.profileStore().save(new Profile("work", URI.create("https://idp.example.com"), "kube",
                ClientAuthentication.PUBLIC, Profile.DEFAULT_SCOPES, Map.of(), "email", "groups", null, null));
        model = new AppModel(app, BackgroundWork.inline());
        model.reloadProfiles();
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void showsTheCountdownAndTurnsUrgentWithinTheLeadTime() {
        app.tokenCache().write("work", new CachedToken("not-a-jwt", START.plus(Duration.ofMinutes(10))));
        model.select("work");
        NoTrayBannerViewModel banner = new NoTrayBannerViewModel(model, name -> ReminderSettings.DEFAULT);

        assertThat(banner.textProperty().get()).endsWith("Profile 'work' expires in 10m 0s.");
        assertThat(banner.urgentProperty().get()).isFalse();
        assertThat(banner.canRefreshProperty().get()).isTrue();

        clock.advance(Duration.ofMinutes(6));
        banner.tick(clock.instant());

        assertThat(banner.textProperty().get()).endsWith("Profile 'work' expires in 4m 0s.");
        assertThat(banner.urgentProperty().get()).isTrue();
    }

    @Test
    void withoutASessionItOnlySaysThereIsNoTray() {
        model.select("work");
        NoTrayBannerViewModel banner = new NoTrayBannerViewModel(model, name -> ReminderSettings.DEFAULT);

        assertThat(banner.textProperty().get()).isEqualTo(NoTrayBannerViewModel.NO_TRAY);
        assertThat(banner.canRefreshProperty().get()).isFalse();
    }

    @Test
    void aFailedRefreshSaysWhy() {
        app.tokenCache().write("work", new CachedToken("not-a-jwt", START.plus(Duration.ofMinutes(3))));
        model.select("work");
        NoTrayBannerViewModel banner = new NoTrayBannerViewModel(model, name -> ReminderSettings.DEFAULT);

        banner.refresh(); // nothing to renew with: the profile never kept a session

        assertThat(banner.problemProperty().get()).startsWith("Could not renew: ").contains("needs a new sign-in");
        assertThat(banner.canRefreshProperty().get()).isTrue();
    }
}
