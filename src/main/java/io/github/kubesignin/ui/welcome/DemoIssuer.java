package io.github.kubesignin.ui.welcome;

import io.github.kubesignin.app.AppContext;
import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.ClusterSettings;
import io.github.kubesignin.profile.Profile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in demo issuer running inside the app, as {@code kubesignin demo} runs it: the profile {@code demo}
 * points at it, and its kubeconfig writes go to a separate demo file so the person's real kubeconfig is untouched.
 * It stops when the app quits.
 */
public final class DemoIssuer implements AutoCloseable {
    public static final String PROFILE = "demo";
    /** Where the demo's API server would be; only written into the demo kubeconfig. */
    public static final String DEMO_SERVER = "https://127.0.0.1:6443";

    private final AppContext app;
    private EmbeddedIssuer running;

    public DemoIssuer(AppContext app) {
        this.app = app;
    }

    public Path kubeconfig() {
        return app.directories().config().resolve("demo-kubeconfig.yaml");
    }

    /** Starts the issuer (again on the demo profile's port when it is free, so the saved profile stays right). */
    public synchronized Profile start() {
        if (running == null) {
            Optional<Profile> existing = app.profileStore().find(PROFILE);
            running = startOn(existing.map(p -> p.issuer().getPort()).filter(port -> port > 0).orElse(0));
        }
        Path ca = running.certificateAuthority().writeCertificatePem(app.directories().config().resolve("demo-ca.pem"));
        ClusterSettings cluster = app.profileStore().find(PROFILE).map(Profile::cluster).filter(c -> !c.isEmpty())
                .orElse(new ClusterSettings(kubeconfig(), "exec", PROFILE, PROFILE, DEMO_SERVER, null, null));
        Profile profile = new Profile(PROFILE, running.issuerUrl(), DemoData.CLIENT_ID, ClientAuthentication.PUBLIC,
                Profile.DEFAULT_SCOPES, Map.of(), "email", Profile.DEFAULT_GROUPS_CLAIM, ca, DemoData.USER, cluster);
        // a sign-in method chosen for the demo (browser, device) outlives a restart, like the cluster settings
        profile = app.profileStore().find(PROFILE).map(Profile::signIn).map(profile::withSignIn).orElse(profile);
        app.profileService().save(profile, Optional.empty());
        return profile;
    }

    private static EmbeddedIssuer startOn(int port) {
        if (port != 0) {
            try {
                return EmbeddedIssuer.demo().port(port).start();
            } catch (RuntimeException taken) {
                // the old port is in use: any free port will do, the profile is saved again below
            }
        }
        return EmbeddedIssuer.demo().start();
    }

    public synchronized boolean isRunning() {
        return running != null;
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
