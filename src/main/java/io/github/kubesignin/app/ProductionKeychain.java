package io.github.kubesignin.app;

import io.github.kubesignin.secret.ChunkedSecretStore;
import io.github.kubesignin.secret.KeyringSecretStore;
import io.github.kubesignin.secret.SecretStore;
import io.github.kubesignin.secret.SecretToolSecretStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens the OS keychain for production use: the Secret Service on Linux, Keychain on macOS, Credential Manager on
 * Windows (java-keyring); long values are stored in parts, for keychains with small item limits. On Linux with
 * libsecret's {@code secret-tool} installed, the same Secret Service items are reached through it instead, because
 * java-keyring's connection set-up alone costs more than kubectl should wait for a token refresh (see README).
 */
final class ProductionKeychain implements Supplier<SecretStore> {
    private static final Duration SECRET_TOOL_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, String> environment;

    ProductionKeychain(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public SecretStore get() {
        Optional<Path> secretTool = System.getProperty("os.name", "").startsWith("Linux")
                ? SecretToolSecretStore.find(environment) : Optional.empty();
        SecretStore keychain = secretTool.isPresent()
                ? new SecretToolSecretStore(secretTool.get(), KeyringSecretStore.DEFAULT_SERVICE, environment, SECRET_TOOL_TIMEOUT)
                : new KeyringSecretStore();
        return new ChunkedSecretStore(keychain);
    }
}
