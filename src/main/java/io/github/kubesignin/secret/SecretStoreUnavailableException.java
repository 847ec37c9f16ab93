package io.github.kubesignin.secret;

/**
 * The keychain cannot be used at all — no session bus, no Secret Service provider, a locked or missing login
 * keyring, or no answer within the store's timeout. The message says why and how to make one available, and never
 * contains a secret value.
 */
public class SecretStoreUnavailableException extends RuntimeException {
    public SecretStoreUnavailableException(String message) {
        super(message);
    }

    public SecretStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
