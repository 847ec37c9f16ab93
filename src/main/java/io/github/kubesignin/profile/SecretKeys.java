package io.github.kubesignin.profile;

import java.util.List;

/** The keychain keys a profile's secrets are stored under. */
public final class SecretKeys {
    private SecretKeys() {
    }

    public static String clientSecret(String profile) {
        return profile + "/client-secret";
    }

    public static String refreshToken(String profile) {
        return profile + "/refresh-token";
    }

    public static String password(String profile) {
        return profile + "/password";
    }

    /** Every key a profile may own, so that removing a profile removes all of them. */
    public static List<String> all(String profile) {
        return List.of(clientSecret(profile), refreshToken(profile), password(profile));
    }
}
