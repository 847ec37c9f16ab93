package io.github.kubesignin.session;

import io.github.kubesignin.oidc.HttpSettings;
import io.github.kubesignin.oidc.OidcClient;
import io.github.kubesignin.profile.ProfileStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * What {@code get-token} does, in a child JVM: builds a SessionService over the given profiles file, cache directory
 * and file-backed keychain double, calls currentToken once and prints {@code token=…}, {@code expiry=…} and
 * {@code millis=…} (time spent in currentToken). Exit code 1 with the message on failure.
 *
 * <p>Arguments: profiles-file cache-dir secrets-file profile-name
 */
public final class GetTokenChildMain {
    private GetTokenChildMain() {
    }

    public static void main(String[] args) {
        Path cacheDir = Path.of(args[1]);
        Path secretsFile = Path.of(args[2]);
        SessionService sessions = new SessionService(new ProfileStore(Path.of(args[0])),
                () -> new FileSecretStore(secretsFile),
                () -> new OidcClient(new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10))),
                new TokenCache(cacheDir), Clock.systemUTC(), cacheDir);
        long start = System.nanoTime();
        try {
            CachedToken token = sessions.currentToken(args[3]);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("token=" + token.idToken());
            System.out.println("expiry=" + token.expiry());
            System.out.println("millis=" + millis);
        } catch (RuntimeException e) {
            System.out.println("failed=" + e);
            System.exit(1);
        }
    }
}
