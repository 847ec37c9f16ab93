package io.github.kubesignin.app;

import io.github.kubesignin.kubeconfig.KubeconfigEditor;
import io.github.kubesignin.kubeconfig.KubeconfigSetup;
import io.github.kubesignin.kubeconfig.KubeconfigWriter;
import io.github.kubesignin.oidc.HttpSettings;
import io.github.kubesignin.oidc.OidcClient;
import io.github.kubesignin.profile.ProfileService;
import io.github.kubesignin.profile.ProfileStore;
import io.github.kubesignin.reminder.ReminderSettingsStore;
import io.github.kubesignin.secret.SecretStore;
import io.github.kubesignin.session.SessionService;
import io.github.kubesignin.session.TokenCache;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The composition root: builds the object graph from the process's environment, clock, directories and keychain.
 * Tests build the same graph with a temporary directory, an in-memory keychain and a fixed clock.
 */
public final class AppContext implements AutoCloseable {
    private final AppDirectories directories;
    private final Clock clock;
    private final Map<String, String> environment;
    private final Lazy<SecretStore> secrets;
    private final ProfileStore profileStore;
    private final Lazy<OidcClient> oidc;
    private final TokenCache tokenCache;
    private final HttpSettings http;
    private Lazy<List<String>> selfCommand;
    private BrowserLauncher browser;
    private boolean displayZoneIsSystemDefault;

    public AppContext(AppDirectories directories, Clock clock, Map<String, String> environment,
                      Supplier<SecretStore> secrets, HttpSettings http) {
        this.directories = directories;
        this.clock = clock;
        this.environment = Map.copyOf(environment);
        this.secrets = new Lazy<>() {
            @Override
            protected SecretStore create() {
                return secrets.get();
            }
        };
        this.http = http;
        this.profileStore = new ProfileStore(directories.profilesFile());
        this.oidc = new Lazy<>() { // Nimbus loads only when a command talks to an issuer
            @Override
            protected OidcClient create() {
                return new OidcClient(http);
            }
        };
        this.tokenCache = new TokenCache(directories.cache());
        this.selfCommand = new Lazy<>() {
            @Override
            protected List<String> create() {
                return SelfCommand.detect(AppContext.this.environment);
            }
        };
    }

    /** The real thing: environment variables, the system clock and the OS keychain. */
    public static AppContext production() {
        Map<String, String> env = System.getenv();
        AppContext app = new AppContext(AppDirectories.fromEnvironment(env), Clock.systemUTC(), env,
                new ProductionKeychain(env), HttpSettings.DEFAULT);
        app.displayZoneIsSystemDefault = true; // looked up only when a time is shown: it loads the time-zone rules
        return app;
    }

    /** Connect and read timeouts for every network call, the cluster doctor's live check included. */
    public HttpSettings httpSettings() {
        return http;
    }

    public AppDirectories directories() {
        return directories;
    }

    public Clock clock() {
        return clock;
    }

    /** The zone to show times in. */
    public ZoneId zone() {
        return displayZoneIsSystemDefault ? ZoneId.systemDefault() : clock.getZone();
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Supplier<SecretStore> secrets() {
        return secrets;
    }

    public ProfileStore profileStore() {
        return profileStore;
    }

    /** Removing a profile also drops its cached token and its tray reminder settings. */
    public ProfileService profileService() {
        return new ProfileService(profileStore, secrets, tokenCache::delete, name -> reminderSettings().remove(name));
    }

    /** Per-profile tray reminder settings, shared by the tray menu and the window's profile form. */
    public ReminderSettingsStore reminderSettings() {
        return ReminderSettingsStore.inConfigDirectory(directories.config());
    }

    public OidcClient oidc() {
        return oidc.get();
    }

    public TokenCache tokenCache() {
        return tokenCache;
    }

    /** The command kubectl runs for an exec user; detected from this process unless set for tests. */
    public List<String> selfCommand() {
        return selfCommand.get();
    }

    public void useSelfCommand(List<String> command) {
        List<String> fixed = List.copyOf(command);
        this.selfCommand = new Lazy<>() {
            @Override
            protected List<String> create() {
                return fixed;
            }
        };
    }

    /** Opens the browser sign-in's page: the system's opener unless a test plays the browser. */
    public BrowserLauncher browser() {
        if (browser == null) {
            browser = new SystemBrowser(environment);
        }
        return browser;
    }

    public void useBrowser(BrowserLauncher launcher) {
        this.browser = java.util.Objects.requireNonNull(launcher, "launcher");
    }

    public KubeconfigSetup kubeconfigSetup() {
        return new KubeconfigSetup(profileStore, sessions(), secrets, new KubeconfigEditor(new KubeconfigWriter(clock)),
                selfCommand(), environment, directories.home());
    }

    public SessionService sessions() {
        return new SessionService(profileStore, secrets, oidc, tokenCache, clock, directories.cache());
    }

    /** Closes the keychain connection if one was opened, so no library thread outlives the command. */
    @Override
    public void close() {
        if (secrets.isCreated() && secrets.get() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing is best effort: the process is about to end
            }
        }
    }
}
