package io.github.kubesignin.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * secret-tool against the real gnome-keyring (run under {@code .ci/with-keyring}), and interchangeably with
 * java-keyring: what one stores, the other reads.
 */
class SecretToolSecretStoreIT {
    private static final String SERVICE = "kubesignin-it-" + UUID.randomUUID();
    private static SecretToolSecretStore secretTool;
    private static KeyringSecretStore keyring;

    @BeforeAll
    static void open() {
        KeychainAvailability availability = KeychainAvailability.check();
        assumeTrue(availability.available(), availability.problem());
        Path program = SecretToolSecretStore.find(System.getenv()).orElse(null);
        assumeTrue(program != null, "secret-tool is not installed (Debian: libsecret-tools)");
        secretTool = new SecretToolSecretStore(program, SERVICE, System.getenv(), Duration.ofSeconds(5));
        keyring = new KeyringSecretStore(SERVICE);
    }

    @AfterAll
    static void close() {
        if (keyring != null) {
            keyring.close();
        }
    }

    @Test
    void putGetReplaceDelete() {
        assertThat(secretTool.get("p/absent")).isEmpty();
        long start = System.nanoTime();
        secretTool.put("p/refresh-token", "first value");
        secretTool.put("p/refresh-token", "second value");
        assertThat(secretTool.get("p/refresh-token")).hasValue("second value");
        System.out.printf("SecretToolSecretStoreIT: two puts and a get took %d ms%n", (System.nanoTime() - start) / 1_000_000);
        secretTool.delete("p/refresh-token");
        assertThat(secretTool.get("p/refresh-token")).isEmpty();
        secretTool.delete("p/refresh-token");
    }

    @Test
    void readsWhatJavaKeyringStoredAndTheOtherWayRound() {
        String long2000 = "é✓ " + "x".repeat(1997);
        keyring.put("q/client-secret", long2000);
        assertThat(secretTool.get("q/client-secret")).hasValue(long2000);

        secretTool.put("q/password", "pässwörd with spaces\tand tab");
        assertThat(keyring.get("q/password")).hasValue("pässwörd with spaces\tand tab");

        secretTool.delete("q/client-secret");
        assertThat(keyring.get("q/client-secret")).isEmpty();
        keyring.delete("q/password");
        assertThat(secretTool.get("q/password")).isEmpty();
    }

    @Test
    void withoutABusItSaysHowToGetOne() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("DBUS_SESSION_BUS_ADDRESS");
        SecretToolSecretStore noBus = new SecretToolSecretStore(Path.of("/usr/bin/secret-tool"), SERVICE, env, Duration.ofSeconds(5));
        assertThatThrownBy(() -> noBus.get("x")).isInstanceOf(SecretStoreUnavailableException.class).hasMessageContaining("dbus-run-session");
    }
}
