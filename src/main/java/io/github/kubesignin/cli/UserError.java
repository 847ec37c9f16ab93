package io.github.kubesignin.cli;

/** A problem the person can fix; printed as one line without a stack trace. */
class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
