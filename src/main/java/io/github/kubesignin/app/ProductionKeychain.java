package io.github.kubesignin.app;

import io.github.kubesignin.secret.KeyringSecretStore;
import io.github.kubesignin.secret.SecretStore;

/** Opens the OS keychain for production use: the Secret Service on Linux, Keychain on macOS, Credential Manager on Windows. */
final class ProductionKeychain {
    private ProductionKeychain() {
    }

    static SecretStore open() {
        return new KeyringSecretStore();
    }
}
