package io.github.kubesignin.oidc;

/** The device flow's "not yet" answers (authorization_pending, slow_down), which make the poll loop go round again. */
final class DevicePending extends RuntimeException {
    private final boolean slowDown;

    DevicePending(boolean slowDown) {
        super(null, null, false, false); // control flow, not a failure: no stack trace
        this.slowDown = slowDown;
    }

    boolean slowDown() {
        return slowDown;
    }
}
