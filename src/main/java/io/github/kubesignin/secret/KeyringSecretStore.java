package io.github.kubesignin.secret;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OS keychain through java-keyring: the Secret Service (gnome-keyring, KeePassXC) on Linux, the Keychain on
 * macOS, the Credential Manager on Windows. Each secret is stored under the service name (default
 * {@value #DEFAULT_SERVICE}) and the key as account.
 *
 * <p><b>What blocks, and for how long.</b> Every method blocks its caller; none belongs on a UI thread.
 * <ul>
 *   <li>The first call opens the keychain: on Linux it first asks the session bus whether a Secret Service is there
 *       (one D-Bus connection), then {@code Keyring.create()} sets up an encrypted session: about 0.5–1.5 s in a fresh
 *       JVM, mostly class loading and crypto. It gives up after {@value #OPEN_TIMEOUT_SECONDS} s.</li>
 *   <li>Every later call is one or a few D-Bus round trips (milliseconds) and gives up after
 *       {@value #CALL_TIMEOUT_SECONDS} s, e.g. when the keychain shows an unlock prompt nobody answers.</li>
 * </ul>
 * The library runs on a daemon thread of this store; a call that times out is abandoned there and reported as
 * {@link SecretStoreUnavailableException}, so a hung D-Bus never hangs the caller. Calls are serialised.
 *
 * <p><b>Failures.</b> An absent secret is {@link Optional#empty()}. When the keychain cannot be used the methods
 * throw {@link SecretStoreUnavailableException} saying why and what to do: no session bus, no Secret Service
 * provider on the bus, a locked or missing login keyring, a timeout. Secret values never appear in messages,
 * logs or {@link #toString()}.
 *
 * <p><b>Closing.</b> {@link #close()} releases the D-Bus connection. A program that forgets it still exits: a
 * daemon guard closes the connection once only the library's own threads are left (dbus-java's sender thread is
 * not a daemon and would otherwise keep the JVM alive).
 */
public final class KeyringSecretStore implements SecretStore, AutoCloseable {
    public static final String DEFAULT_SERVICE = "kubesignin";
    static final int OPEN_TIMEOUT_SECONDS = 5;
    static final int CALL_TIMEOUT_SECONDS = 3;

    private final String service;
    private final SecretServiceProbe probe;
    private final String osName;
    private final Duration openTimeout;
    private final Duration callTimeout;
    private final DaemonWorker worker = new DaemonWorker("kubesignin-keychain");
    private final Runnable forgottenCloser = this::closeKeyring;

    // Opened on first use under this store's lock; emptied by close() or by the guard from another thread.
    private final AtomicReference<Keyring> keyring = new AtomicReference<>();
    private boolean closed;

    /** The keychain of this process's desktop session, under the service name {@value #DEFAULT_SERVICE}. */
    public KeyringSecretStore() {
        this(DEFAULT_SERVICE);
    }

    /** The keychain of this process's desktop session, under {@code service}. */
    public KeyringSecretStore(String service) {
        this(service, System.getenv());
    }

    /**
     * Like {@link #KeyringSecretStore(String)}, but checks for a session bus and a Secret Service in {@code
     * environment} (the library itself always connects to the bus of the process's own environment).
     */
    public KeyringSecretStore(String service, Map<String, String> environment) {
        this(service, environment, Duration.ofSeconds(OPEN_TIMEOUT_SECONDS), Duration.ofSeconds(CALL_TIMEOUT_SECONDS));
    }

    KeyringSecretStore(String service, Map<String, String> environment, Duration openTimeout, Duration callTimeout) {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("service name must not be blank");
        }
        this.service = service;
        this.osName = System.getProperty("os.name", "");
        this.probe = new SecretServiceProbe(environment, osName);
        this.openTimeout = Objects.requireNonNull(openTimeout);
        this.callTimeout = Objects.requireNonNull(callTimeout);
    }

    @Override
    public synchronized Optional<String> get(String key) {
        requireKey(key);
        Keyring open = keyring();
        String what = "reading " + describe(key);
        try {
            return worker.call(() -> {
                try {
                    return Optional.of(open.getPassword(service, key));
                } catch (PasswordAccessException e) {
                    if (isAbsent(e)) {
                        return Optional.<String>empty();
                    }
                    throw e;
                }
            }, callTimeout, what);
        } catch (RuntimeException e) {
            throw translate(e, what, null);
        }
    }

    @Override
    public synchronized void put(String key, String secret) {
        requireKey(key);
        if (secret == null) {
            throw new IllegalArgumentException("secret must not be null; use delete(" + describe(key) + ")");
        }
        Keyring open = keyring();
        String what = "storing " + describe(key);
        try {
            worker.call(() -> {
                open.setPassword(service, key, secret);
                return null;
            }, callTimeout, what);
        } catch (RuntimeException e) {
            throw translate(e, what, secret);
        }
    }

    @Override
    public synchronized void delete(String key) {
        requireKey(key);
        Keyring open = keyring();
        String what = "deleting " + describe(key);
        try {
            worker.call(() -> {
                try {
                    open.deletePassword(service, key);
                } catch (PasswordAccessException e) {
                    if (!isAbsent(e)) {
                        throw e;
                    }
                }
                return null;
            }, callTimeout, what);
        } catch (RuntimeException e) {
            throw translate(e, what, null);
        }
    }

    /** Releases the keychain connection; later calls fail with {@link IllegalStateException}. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        ForgottenCloseGuard.release(forgottenCloser);
        try {
            if (keyring.get() != null) {
                worker.call(() -> {
                    closeKeyring();
                    return null;
                }, callTimeout, "closing the keychain");
            }
        } catch (RuntimeException e) {
            // The connection is abandoned on a daemon thread; nothing a caller could do about it.
        } finally {
            worker.close();
        }
    }

    @Override
    public String toString() {
        return "KeyringSecretStore[service=" + service + ", " + (closed ? "closed" : keyring.get() == null ? "not opened" : "open") + "]";
    }

    private Keyring keyring() {
        if (closed) {
            throw new IllegalStateException("this KeyringSecretStore is closed");
        }
        Keyring open = keyring.get();
        if (open == null) {
            try {
                open = worker.call(this::open, openTimeout, "opening the keychain");
            } catch (RuntimeException e) {
                throw translate(e, "opening the keychain", null);
            }
            keyring.set(open);
            ForgottenCloseGuard.watch(forgottenCloser);
        }
        return open;
    }

    /** Runs on the worker thread: check first, because java-keyring leaks threads when there is no provider. */
    private Keyring open() throws BackendNotSupportedException {
        Optional<String> problem = probe.problem();
        if (problem.isPresent()) {
            throw new SecretStoreUnavailableException(problem.get());
        }
        return Keyring.create();
    }

    /** Not synchronized: it runs on the worker for close(), which holds this store's lock while it waits. */
    private void closeKeyring() {
        Keyring open = keyring.getAndSet(null);
        if (open != null) {
            try {
                open.close();
            } catch (Exception ignored) {
                // Closing only releases the connection; a failure leaves nothing to clean up that we could reach.
            }
        }
    }

    /** java-keyring reports a missing item with a plain PasswordAccessException; its message is the only tell. */
    private static boolean isAbsent(PasswordAccessException e) {
        return e.getMessage() != null && e.getMessage().startsWith("No stored credentials match");
    }

    private RuntimeException translate(RuntimeException e, String what, String secret) {
        if (e instanceof SecretStoreUnavailableException) {
            return e;
        }
        Throwable cause = e instanceof DaemonWorker.Failure ? e.getCause() : e;
        Throwable safeCause = SecretRedaction.safeCause(cause, secret);
        String description = safeCause == null ? cause.getClass().getSimpleName() : KeychainMessages.describe(cause);
        if (cause instanceof NullPointerException) {
            // java-keyring's createItem/unlock dereference a collection that a locked or absent login keyring lacks.
            return new SecretStoreUnavailableException(KeychainMessages.LOCKED_OR_MISSING, safeCause);
        }
        if (cause instanceof BackendNotSupportedException) {
            String message = SecretServiceProbe.isLinux(osName)
                    ? KeychainMessages.NO_PROVIDER + " (" + description + ")"
                    : KeychainMessages.noBackend(osName, cause);
            return new SecretStoreUnavailableException(message, safeCause);
        }
        return new SecretStoreUnavailableException(KeychainMessages.failed(what, description), safeCause);
    }

    private static void requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank");
        }
    }

    private String describe(String key) {
        return "'" + key + "' of service '" + service + "'";
    }
}
