package io.github.kubesignin.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs blocking work (network, keychain, files) on a background executor and hands the outcome to the FX thread.
 * View models get both executors so tests can run everything inline without a toolkit.
 */
public final class BackgroundWork {
    private final Executor fx;
    private final Executor background;

    public BackgroundWork(Executor fx, Executor background) {
        this.fx = fx;
        this.background = background;
    }

    /** Both executors inline: for view-model tests. */
    public static BackgroundWork inline() {
        return new BackgroundWork(Runnable::run, Runnable::run);
    }

    public Executor fx() {
        return fx;
    }

    /**
     * Starts {@code job} in the background; exactly one of the callbacks runs later on the FX thread, unless the
     * returned handle was cancelled first.
     */
    public <T> Running start(Callable<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Running running = new Running();
        background.execute(() -> {
            running.worker.set(Thread.currentThread());
            try {
                T result = job.call();
                fx.execute(() -> {
                    if (!running.cancelled.get()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Throwable failure) {
                fx.execute(() -> {
                    if (!running.cancelled.get()) {
                        onFailure.accept(failure);
                    }
                });
            } finally {
                running.worker.set(null);
                Thread.interrupted(); // a cancel must not leak into the pool thread's next job
            }
        });
        return running;
    }

    /** A job in progress. Cancelling drops its outcome and interrupts it; a blocking call ends at its timeout. */
    public static final class Running {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicReference<Thread> worker = new AtomicReference<>();

        public void cancel() {
            cancelled.set(true);
            Thread thread = worker.get();
            if (thread != null) {
                thread.interrupt();
            }
        }

        public boolean isCancelled() {
            return cancelled.get();
        }
    }
}
