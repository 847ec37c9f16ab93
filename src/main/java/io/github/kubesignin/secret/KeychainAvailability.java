package io.github.kubesignin.secret;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the OS keychain can be reached, for the CLI to report and for tests to assume. Costs one D-Bus
 * connection set-up on Linux (tens of milliseconds warm, a few hundred cold) and never blocks longer than the
 * timeout; on other systems it answers "available" at once and leaves the real check to the first use.
 *
 * @param available whether a Secret Service (or the system's keychain) appears usable
 * @param problem   when not available, what is wrong and how to fix it; empty otherwise
 */
public record KeychainAvailability(boolean available, String problem) {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    /** Checks the current process's session bus. */
    public static KeychainAvailability check() {
        return check(System.getenv(), DEFAULT_TIMEOUT);
    }

    /** Checks the session bus named in {@code environment}, giving up after {@code timeout}. */
    public static KeychainAvailability check(Map<String, String> environment, Duration timeout) {
        SecretServiceProbe probe = new SecretServiceProbe(environment, System.getProperty("os.name", ""));
        try (DaemonWorker worker = new DaemonWorker("kubesignin-keychain-probe")) {
            Optional<String> problem = worker.call(probe::problem, timeout, "looking for a Secret Service");
            return problem.map(KeychainAvailability::unavailable).orElse(new KeychainAvailability(true, ""));
        } catch (SecretStoreUnavailableException e) {
            return unavailable(e.getMessage());
        }
    }

    private static KeychainAvailability unavailable(String problem) {
        return new KeychainAvailability(false, problem);
    }
}
