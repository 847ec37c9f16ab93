package io.github.kubesignin.token;

/** Text that is not a JWT; the message is one line saying why. */
public class MalformedTokenException extends RuntimeException {
    public MalformedTokenException(String message) {
        super(message);
    }
}
