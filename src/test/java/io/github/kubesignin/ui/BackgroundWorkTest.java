package io.github.kubesignin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.ui.common.BackgroundWork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundWorkTest {
    @Test
    void theOutcomeArrivesThroughTheFxExecutorAndIsDroppedAfterCancel() {
        List<Runnable> backgroundQueue = new ArrayList<>();
        List<Runnable> fxQueue = new ArrayList<>();
        BackgroundWork work = new BackgroundWork(fxQueue::add, backgroundQueue::add);
        List<String> seen = new ArrayList<>();

        work.start(() -> "done", seen::add, failure -> seen.add("failed"));
        BackgroundWork.Running cancelled = work.start(() -> "late", seen::add, failure -> seen.add("failed"));
        work.<String>start(() -> {
            throw new IllegalStateException("the issuer said no");
        }, seen::add, failure -> seen.add(failure.getMessage()));

        backgroundQueue.forEach(Runnable::run);
        assertThat(seen).isEmpty(); // nothing reaches the view before the FX thread runs it
        cancelled.cancel();
        fxQueue.forEach(Runnable::run);
        assertThat(seen).containsExactly("done", "the issuer said no");
    }
}
