package io.github.kubesignin.session;

import io.github.kubesignin.oidc.OidcClient;
import io.github.kubesignin.oidc.TokenSet;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.ProfileStore;
import io.github.kubesignin.profile.SecretKeys;
import io.github.kubesignin.secret.SecretStore;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/** Signs a person in with username and password. The keychain is opened only for a confidential client. */
public final class SignInService {
    private final ProfileStore profiles;
    private final Supplier<SecretStore> secrets;
    private final OidcClient oidc;

    public SignInService(ProfileStore profiles, Supplier<SecretStore> secrets, OidcClient oidc) {
        this.profiles = profiles;
        this.secrets = secrets;
        this.oidc = oidc;
    }

    /** Signs in and wipes {@code password} afterwards, whatever happens. */
    public TokenSet signIn(Profile profile, String username, char[] password) {
        try {
            return oidc.signInWithPassword(profile, clientSecret(profile), username, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    public Profile profile(String name) {
        return profiles.get(name);
    }

    private Optional<String> clientSecret(Profile profile) {
        return profile.authentication().needsSecret()
                ? secrets.get().get(SecretKeys.clientSecret(profile.name()))
                : Optional.empty();
    }
}
