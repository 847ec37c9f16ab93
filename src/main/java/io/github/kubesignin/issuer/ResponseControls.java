package io.github.kubesignin.issuer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Test switches that bend the issuer's answers: a delay for timeout tests and a one-shot canned token answer. */
final class ResponseControls {
    /** An answer given instead of the real one. */
    record CannedResponse(int status, String contentType, String body) {
    }

    private volatile Duration delay = Duration.ZERO;
    private final AtomicReference<CannedResponse> nextTokenResponse = new AtomicReference<>();

    void delay(Duration delay) {
        this.delay = delay.isNegative() ? Duration.ZERO : delay;
    }

    /** Waits the configured delay; returns false when interrupted because the issuer is closing. */
    boolean awaitDelay() {
        Duration current = delay;
        if (current.isZero()) {
            return true;
        }
        try {
            Thread.sleep(current.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void answerNextTokenRequestWith(CannedResponse response) {
        nextTokenResponse.set(response);
    }

    /** The canned answer, at most once. */
    CannedResponse takeNextTokenResponse() {
        return nextTokenResponse.getAndSet(null);
    }
}
