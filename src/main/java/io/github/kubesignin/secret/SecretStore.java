package io.github.kubesignin.secret;

import java.util.Optional;

/**
 * The OS keychain, as the rest of kubesignin sees it. Keys are plain strings such as {@code demo/client-secret};
 * implementations add their own service name.
 *
 * <p>Every method may block (a desktop keychain can take a second to open or may ask the user to unlock it) and so
 * must not be called on a UI thread. An absent secret is {@link Optional#empty()}, never an exception. When the
 * keychain itself cannot be reached every method throws {@link SecretStoreUnavailableException}, whose message says
 * how to make one available; implementations never fall back to a file.
 */
public interface SecretStore {

    /** The secret stored under {@code key}, or empty when there is none. */
    Optional<String> get(String key);

    /** Stores {@code secret} under {@code key}, replacing any previous value. */
    void put(String key, String secret);

    /** Removes the secret under {@code key}; does nothing when there is none. */
    void delete(String key);
}
