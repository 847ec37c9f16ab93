package io.github.kubesignin.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No secret value ever reaches an exception message, a cause, or toString. */
class SecretsStayOutOfMessagesTest {
    private static final String SECRET = "do-not-leak-7f3a9c";

    @Test
    void aFailedPutNeverMentionsTheSecret() {
        Map<String, String> noBus = KeyringFailureModesTest.withoutBus(System.getenv());
        try (KeyringSecretStore store = new KeyringSecretStore("kubesignin-test", noBus)) {
            Throwable thrown = catchThrowable(() -> store.put("demo/client-secret", SECRET));

            assertThat(thrown).isNotNull();
            assertNoSecretAnywhere(thrown);
            assertThat(store.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void aCauseThatQuotesTheSecretIsDropped() {
        var libraryFailure = new IllegalStateException("could not encrypt " + SECRET);
        var wrapped = new RuntimeException("D-Bus error", libraryFailure);

        assertThat(SecretRedaction.safeCause(wrapped, SECRET)).isNull();
        assertThat(SecretRedaction.safeCause(new RuntimeException("D-Bus error"), SECRET)).isNotNull();
    }

    @Test
    void aTimedOutCallSaysWhatWasHappeningButNotTheValue() {
        try (DaemonWorker worker = new DaemonWorker("test-keychain")) {
            Throwable thrown = catchThrowable(() -> worker.call(() -> {
                Thread.sleep(10_000);
                return SECRET;
            }, Duration.ofMillis(100), "storing 'demo/client-secret'"));

            assertThat(thrown).isInstanceOf(SecretStoreUnavailableException.class)
                    .hasMessageContaining("did not answer within 100 ms while storing 'demo/client-secret'");
            assertNoSecretAnywhere(thrown);
        }
    }

    private static void assertNoSecretAnywhere(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(t.toString()).doesNotContain(SECRET);
            for (Throwable suppressed : t.getSuppressed()) {
                assertThat(suppressed.toString()).doesNotContain(SECRET);
            }
        }
    }
}
