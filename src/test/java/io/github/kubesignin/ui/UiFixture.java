package io.github.kubesignin.ui;

import io.github.kubesignin.app.AppContext;
import io.github.kubesignin.app.AppDirectories;
import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.oidc.HttpSettings;
import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.secret.InMemorySecretStore;
import io.github.kubesignin.ui.common.BackgroundWork;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The core wired as in production, with a temporary home, an in-memory keychain and the embedded issuer. */
public final class UiFixture implements AutoCloseable {
    public final Path home;
    public final InMemorySecretStore keychain = new InMemorySecretStore();
    public final EmbeddedIssuer issuer;
    public final AppContext app;
    public final Path caFile;

    public UiFixture(Path home, EmbeddedIssuer issuer) {
        this.home = home;
        this.issuer = issuer;
        AppDirectories directories = AppDirectories.fromEnvironment(Map.of("HOME", home.toString()));
        this.app = new AppContext(directories, Clock.systemDefaultZone(), Map.of("HOME", home.toString()), () -> keychain,
                new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(3)));
        app.useSelfCommand(List.of("/usr/bin/kubesignin"));
        this.caFile = issuer.certificateAuthority().writeCertificatePem(home.resolve("issuer-ca.pem"));
    }

    /** A model whose background work runs inline, for view-model tests without a toolkit. */
    public AppModel inlineModel() {
        AppModel model = new AppModel(app, BackgroundWork.inline());
        model.reloadProfiles();
        return model;
    }

    public Profile demoProfile(String name) {
        return new Profile(name, issuer.issuerUrl(), DemoData.CLIENT_ID, ClientAuthentication.PUBLIC, Profile.DEFAULT_SCOPES,
                Map.of(), "email", Profile.DEFAULT_GROUPS_CLAIM, caFile, DemoData.USER);
    }

    public Profile saveDemoProfile(String name) {
        Profile profile = demoProfile(name);
        app.profileService().save(profile, Optional.empty());
        return profile;
    }

    @Override
    public void close() {
        app.close();
    }
}
