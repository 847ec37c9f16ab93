package io.github.kubesignin.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
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
            T result;
            try {
                result = job.call();
            } catch (Throwable failure) {
                fx.execute(() -> {
                    if (!running.cancelled.get()) {
                        onFailure.accept(failure);
                    }
                });
                return;
            }
            // outside the try: a failing success callback must not be reported as a failed job
            fx.execute(() -> {
                if (!running.cancelled.get()) {
                    onSuccess.accept(result);
                }
            });
        });
        return running;
    }

    /**
     * A job in progress. Cancelling drops its outcome; the job itself is not interrupted, since an interrupt in the
     * middle of a keychain or file write (NIO channels close on interrupt) could leave a session half saved. A
     * network call ends at its timeout.
     */
    public static final class Running {
        private final AtomicBoolean cancelled = new AtomicBoolean();

        public void cancel() {
            cancelled.set(true);
        }

        public boolean isCancelled() {
            return cancelled.get();
        }
    }
}
