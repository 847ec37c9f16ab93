package io.github.kubesignin.secret;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A keychain that lives as long as the process: for tests and for the demo issuer's throw-away profiles. */
public final class InMemorySecretStore implements SecretStore {
    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(secrets.get(key));
    }

    @Override
    public void put(String key, String secret) {
        secrets.put(key, secret);
    }

    @Override
    public void delete(String key) {
        secrets.remove(key);
    }

    /** The keys currently held, for assertions. */
    public java.util.Set<String> keys() {
        return java.util.Set.copyOf(secrets.keySet());
    }
}
