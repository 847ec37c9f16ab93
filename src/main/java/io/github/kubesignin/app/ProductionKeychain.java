package io.github.kubesignin.app;

import io.github.kubesignin.secret.SecretStore;
import io.github.kubesignin.secret.SecretStoreUnavailableException;

/** Opens the OS keychain for production use. */
final class ProductionKeychain {
    private ProductionKeychain() {
    }

    static SecretStore open() {
        throw new SecretStoreUnavailableException("the OS keychain is not wired in yet");
    }
}
