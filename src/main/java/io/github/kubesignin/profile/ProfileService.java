package io.github.kubesignin.profile;

import io.github.kubesignin.secret.SecretStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Adding and removing profiles together with their keychain entries. The keychain is opened only when a secret is
 * involved, since opening it can take a second.
 */
public final class ProfileService {
    private final ProfileStore store;
    private final Supplier<SecretStore> secrets;
    private final Consumer<String> forgetCachedToken;
    private final Consumer<String> forgetRemovedProfile;

    /**
     * @param forgetCachedToken    drops a profile's cached id_token: after a change of issuer or client it is no
     *                             longer the profile's token
     * @param forgetRemovedProfile drops what else is kept per profile outside this package (e.g. tray reminder
     *                             settings) once the profile is removed
     */
    public ProfileService(ProfileStore store, Supplier<SecretStore> secrets, Consumer<String> forgetCachedToken,
                          Consumer<String> forgetRemovedProfile) {
        this.store = store;
        this.secrets = secrets;
        this.forgetCachedToken = forgetCachedToken;
        this.forgetRemovedProfile = forgetRemovedProfile;
    }

    /**
     * Validates and saves a profile. A new client secret goes to the keychain first, so a missing keychain changes
     * nothing. A confidential profile saved without a new secret keeps the one already in the keychain.
     *
     * @return the validation warnings
     */
    public List<String> save(Profile profile, Optional<String> newClientSecret) {
        ProfileValidator.Result result = ProfileValidator.validate(profile);
        if (!result.ok()) {
            throw new InvalidProfileException(result.errors());
        }
        String key = SecretKeys.clientSecret(profile.name());
        if (profile.authentication().needsSecret()) {
            if (newClientSecret.isPresent()) {
                if (newClientSecret.get().isEmpty()) {
                    throw new InvalidProfileException(List.of("client secret: must not be empty"));
                }
                secrets.get().put(key, newClientSecret.get());
            } else if (secrets.get().get(key).isEmpty()) {
                throw new InvalidProfileException(List.of("client secret: client_secret_" + profile.authentication().word()
                        + " needs one; give it with --client-secret-stdin, or use --public for a public client"));
            }
        } else if (newClientSecret.isPresent()) {
            throw new InvalidProfileException(List.of("client secret: a public client has none; drop --public or the secret"));
        } else if (store.find(profile.name()).map(p -> p.authentication().needsSecret()).orElse(false)) {
            secrets.get().delete(key); // it became public: the old secret must not linger
        }
        store.save(profile);
        forgetCachedToken.accept(profile.name());
        return result.warnings();
    }

    /** Removes a profile and every secret it owns; the keychain entries go first. */
    public void remove(String name) {
        store.get(name);
        SecretStore keychain = secrets.get();
        SecretKeys.all(name).forEach(keychain::delete);
        forgetCachedToken.accept(name);
        store.remove(name);
        forgetRemovedProfile.accept(name);
    }
}
