package io.github.kubesignin.secret;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs keychain calls one at a time on a daemon thread and waits at most a given time, so that a hung D-Bus can
 * never hang the caller nor keep the JVM alive. A call that times out is abandoned on its thread and the next call
 * gets a fresh thread.
 */
final class DaemonWorker implements AutoCloseable {
    private final String threadName;
    private ExecutorService executor;

    DaemonWorker(String threadName) {
        this.threadName = threadName;
    }

    /**
     * The result of {@code call}, or its exception unchanged (checked ones wrapped in {@link ExecutionException}'s
     * cause, see {@link Failure}); {@link SecretStoreUnavailableException} when it takes longer than {@code timeout}.
     */
    synchronized <T> T call(Callable<T> call, Duration timeout, String what) {
        Future<T> future = executor().submit(call);
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            abandonThread();
            throw new SecretStoreUnavailableException(KeychainMessages.timedOut(what, timeout));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SecretStoreUnavailableException("Interrupted while " + what + ".");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new Failure(cause);
        }
    }

    private ExecutorService executor() {
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, threadName);
                thread.setDaemon(true);
                return thread;
            });
        }
        return executor;
    }

    private void abandonThread() {
        executor.shutdownNow();
        executor = null;
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdown();
            executor = null;
        }
    }

    /** A checked exception thrown by the call, unwrapped once so callers can translate it. */
    static final class Failure extends RuntimeException {
        Failure(Throwable cause) {
            super(cause.getClass().getName(), cause, false, false);
        }
    }
}
