package io.github.kubesignin.secret;

/** The keychain cannot be used at all; the message says why and how to make one available. */
public class SecretStoreUnavailableException extends RuntimeException {
    public SecretStoreUnavailableException(String message) {
        super(message);
    }

    public SecretStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
