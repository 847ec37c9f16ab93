package io.github.kubesignin.app;

import io.github.kubesignin.secret.ChunkedSecretStore;
import io.github.kubesignin.secret.KeyringSecretStore;
import io.github.kubesignin.secret.SecretStore;
import java.util.function.Supplier;

/**
 * Opens the OS keychain for production use: the Secret Service on Linux, Keychain on macOS, Credential Manager on
 * Windows; long values are stored in parts, for keychains with small item limits.
 */
final class ProductionKeychain implements Supplier<SecretStore> {
    @Override
    public SecretStore get() {
        return new ChunkedSecretStore(new KeyringSecretStore());
    }
}
