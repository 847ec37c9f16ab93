package io.github.kubesignin.oidc;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets a person stop a browser or device sign-in that is waiting; waits wake up at once when cancelled. */
public final class SignInCancellation {
    private final CountDownLatch cancelled = new CountDownLatch(1);

    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Waits up to {@code duration}; true when cancelled meanwhile. */
    boolean awaitCancel(Duration duration) throws InterruptedException {
        return cancelled.await(Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** The sleeper for device polling in production: real time, cut short by a cancel. */
    public Sleeper sleeper() {
        return this::awaitCancel;
    }

    void throwIfCancelled() {
        if (isCancelled()) {
            throw new OidcException(OidcProblem.CANCELLED, "the sign-in was cancelled");
        }
    }
}
