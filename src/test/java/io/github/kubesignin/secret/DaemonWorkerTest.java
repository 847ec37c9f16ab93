package io.github.kubesignin.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DaemonWorkerTest {

    @Test
    void aHungCallTimesOutPromptlyAndRunsOnADaemonThread() {
        AtomicReference<Thread> runner = new AtomicReference<>();
        try (DaemonWorker worker = new DaemonWorker("test-keychain")) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> worker.call(() -> {
                runner.set(Thread.currentThread());
                Thread.sleep(60_000);
                return null;
            }, Duration.ofMillis(200), "opening the keychain"))
                    .isInstanceOf(SecretStoreUnavailableException.class)
                    .hasMessageContaining("did not answer within 200 ms while opening the keychain");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(runner.get().isDaemon()).isTrue();
            // The next call gets a fresh thread instead of queueing behind the hung one.
            assertThat(worker.call(() -> "next", Duration.ofSeconds(2), "reading")).isEqualTo("next");
        }
    }

    @Test
    void passesExceptionsThroughForTranslation() {
        try (DaemonWorker worker = new DaemonWorker("test-keychain")) {
            assertThatThrownBy(() -> worker.call(() -> {
                throw new IllegalStateException("boom");
            }, Duration.ofSeconds(2), "reading")).isInstanceOf(IllegalStateException.class).hasMessage("boom");
            assertThatThrownBy(() -> worker.call(() -> {
                throw new IOException("io");
            }, Duration.ofSeconds(2), "reading")).isInstanceOf(DaemonWorker.Failure.class)
                    .hasCauseInstanceOf(IOException.class);
        }
    }
}
