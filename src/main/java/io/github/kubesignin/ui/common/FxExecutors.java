package io.github.kubesignin.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/** The production executors: the FX thread, and daemon threads so background work never keeps the app alive. */
public final class FxExecutors {
    private FxExecutors() {
    }

    public static BackgroundWork production() {
        AtomicInteger count = new AtomicInteger();
        ExecutorService background = Executors.newCachedThreadPool(job -> {
            Thread thread = new Thread(job, "kubesignin-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new BackgroundWork(Platform::runLater, background);
    }
}
