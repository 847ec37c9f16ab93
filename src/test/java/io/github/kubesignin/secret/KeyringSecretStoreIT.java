package io.github.kubesignin.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against the real OS keychain; on a headless machine run it under {@code .ci/with-keyring}. Skipped only when no
 * Secret Service is reachable. Every run uses its own service name, so it never sees a person's real items, and
 * removes what it stored. Prints timings, never secrets.
 */
class KeyringSecretStoreIT {
    private static final String SERVICE = "kubesignin-it-" + UUID.randomUUID();
    private static final Set<String> usedKeys = new HashSet<>();
    private static KeyringSecretStore store;

    @BeforeAll
    static void openTheKeychain() {
        KeychainAvailability availability = KeychainAvailability.check();
        assumeTrue(availability.available(), availability.problem());
        store = new KeyringSecretStore(SERVICE);
        long start = System.nanoTime();
        assertThat(store.get(key("warm-up"))).isEmpty();
        System.out.printf("KeyringSecretStoreIT: open + first get took %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    static void removeEverythingStored() {
        if (store == null) {
            return;
        }
        try {
            usedKeys.forEach(store::delete);
            usedKeys.forEach(key -> assertThat(store.get(key)).as("left behind: %s", key).isEmpty());
        } finally {
            store.close();
        }
    }

    private static String key(String name) {
        String key = name;
        usedKeys.add(key);
        return key;
    }

    @Test
    void returnsWhatWasPut() {
        String key = key("alpha/client-secret");
        long start = System.nanoTime();
        store.put(key, "s3cret-value");
        String read = store.get(key).orElseThrow();
        System.out.printf("KeyringSecretStoreIT: warm put + get took %d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertThat(read).isEqualTo("s3cret-value");
    }

    @Test
    void putReplacesThePreviousValue() {
        String key = key("alpha/refresh-token");
        store.put(key, "first-token");
        store.put(key, "second-token");

        assertThat(store.get(key)).contains("second-token");
    }

    @Test
    void deleteRemovesTheSecret() {
        String key = key("alpha/password");
        store.put(key, "pw");

        store.delete(key);

        assertThat(store.get(key)).isEmpty();
    }

    @Test
    void absentKeyIsEmptyAndDeletingItIsHarmless() {
        String key = key("nobody/client-secret");

        assertThat(store.get(key)).isEmpty();
        store.delete(key);
        assertThat(store.get(key)).isEmpty();
    }

    @Test
    void keepsALongSecretWhole() {
        String key = key("long/refresh-token");
        StringBuilder secret = new StringBuilder();
        while (secret.length() < 10_000) {
            secret.append("eyJhbGciOiJSUzI1NiJ9.").append(secret.length()).append('-');
        }
        String expected = secret.substring(0, 10_000);

        store.put(key, expected);

        assertThat(store.get(key)).hasValueSatisfying(value -> {
            assertThat(value.length()).isEqualTo(10_000);
            assertThat(value.equals(expected)).as("the long secret came back unchanged").isTrue();
        });
    }

    @Test
    void keepsUnicodeInKeysAndSecrets() {
        String key = key("prøfile-日本/client-secret");
        String secret = "pässwörd-🔑-秘密-\u00e9\u0301";

        store.put(key, secret);

        assertThat(store.get(key).map(secret::equals)).as("unicode secret round-trips").contains(true);
    }

    @Test
    void keysOfTwoProfilesDoNotCollide() {
        String alpha = key("alpha/client-secret-2");
        String beta = key("beta/client-secret-2");
        store.put(alpha, "secret-of-alpha");
        store.put(beta, "secret-of-beta");

        store.delete(beta);

        assertThat(store.get(alpha)).contains("secret-of-alpha");
        assertThat(store.get(beta)).isEmpty();
    }

    @Test
    void anotherServiceNameDoesNotSeeTheItems() {
        String key = key("alpha/isolated");
        store.put(key, "only-for-this-service");

        try (KeyringSecretStore other = new KeyringSecretStore(SERVICE + "-other")) {
            assertThat(other.get(key)).isEmpty();
        }
    }

    @Test
    void aProgramThatForgetsCloseStillExits() throws Exception {
        ChildJvm.Run run = ChildJvm.run(List.of(), env -> { }, SERVICE);

        assertThat(run.output()).contains("OK present=false");
        assertThat(run.exitedAfterAccess()).as("output: %s", run.output()).isNotNull()
                .isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void toStringNeverShowsASecret() {
        String key = key("alpha/shown");
        store.put(key, "never-print-me");

        assertThat(store.toString()).doesNotContain("never-print-me").contains(SERVICE);
    }
}
