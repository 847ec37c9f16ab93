package io.github.kubesignin.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceTest {
    @TempDir
    Path dir;

    @Test
    void aSecondLaunchHandsItsProfileToTheFirst() throws Exception {
        LinkedBlockingQueue<Optional<String>> requests = new LinkedBlockingQueue<>();
        try (SingleInstance first = SingleInstance.claim(dir, Optional.empty()).orElseThrow()) {
            first.listen(requests::add);

            assertThat(SingleInstance.claim(dir, Optional.of("work"))).as("the second launch steps aside").isEmpty();
            assertThat(requests.poll(5, TimeUnit.SECONDS)).contains("work");
            assertThat(SingleInstance.claim(dir, Optional.empty())).isEmpty();
            assertThat(requests.poll(5, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void aLaunchBeforeTheWindowIsReadyWaitsForIt() throws Exception {
        LinkedBlockingQueue<Optional<String>> requests = new LinkedBlockingQueue<>();
        try (SingleInstance first = SingleInstance.claim(dir, Optional.empty()).orElseThrow()) {
            Thread second = new Thread(() -> SingleInstance.claim(dir, Optional.of("lab")));
            second.start();
            Thread.sleep(300); // the second launch is now waiting in the backlog
            first.listen(requests::add);

            second.join(5_000);
            assertThat(second.isAlive()).isFalse();
            assertThat(requests.poll(5, TimeUnit.SECONDS)).contains("lab");
        }
    }

    @Test
    void afterTheFirstQuitsOrCrashedTheNextLaunchIsFirst() throws Exception {
        SingleInstance.claim(dir, Optional.empty()).orElseThrow().close();
        try (SingleInstance next = SingleInstance.claim(dir, Optional.empty()).orElseThrow()) {
            assertThat(next).isNotNull();
        }

        Files.writeString(dir.resolve("app.socket"), "left by a crash"); // nothing listens on it
        try (SingleInstance afterCrash = SingleInstance.claim(dir, Optional.empty()).orElseThrow()) {
            assertThat(afterCrash).isNotNull();
        }
    }

    @Test
    void onlyActivateWithAValidProfileNameIsARequest() {
        assertThat(SingleInstance.parse("activate")).contains(Optional.empty());
        assertThat(SingleInstance.parse("activate work-1\n")).contains(Optional.of("work-1"));
        assertThat(SingleInstance.parse("activate ../etc")).isEmpty();
        assertThat(SingleInstance.parse("quit")).isEmpty();
    }
}
