package io.github.kubesignin.oidc;

import java.time.Duration;

/** Waiting between device-flow polls; tests pass one that moves a clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Waits about {@code duration}; may return early (e.g. on cancel), the caller checks why. */
    void sleep(Duration duration) throws InterruptedException;
}
