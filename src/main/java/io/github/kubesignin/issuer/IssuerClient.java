package io.github.kubesignin.issuer;

import java.util.Objects;
import java.util.Set;

/**
 * An OAuth 2.0 client registered with the embedded issuer.
 *
 * @param secret     null for a public client; a confidential client authenticates with client_secret_basic or
 *                   client_secret_post
 * @param grantTypes the grant types this client may use, e.g. {@code password}, {@code refresh_token}
 */
public record IssuerClient(String clientId, String secret, Set<String> grantTypes) {
    public static final String PASSWORD = "password";
    public static final String REFRESH_TOKEN = "refresh_token";
    /** The browser sign-in: authorization code with PKCE. */
    public static final String AUTHORIZATION_CODE = "authorization_code";
    /** The device authorization grant (RFC 8628). */
    public static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";

    public IssuerClient {
        Objects.requireNonNull(clientId, "clientId");
        grantTypes = Set.copyOf(grantTypes);
    }

    public static IssuerClient publicClient(String clientId, String... grantTypes) {
        return new IssuerClient(clientId, null, Set.of(grantTypes));
    }

    public static IssuerClient confidentialClient(String clientId, String secret, String... grantTypes) {
        return new IssuerClient(clientId, Objects.requireNonNull(secret, "secret"), Set.of(grantTypes));
    }

    public boolean isPublic() {
        return secret == null;
    }

    /** Keeps the secret out of logs and assertion messages. */
    @Override
    public String toString() {
        return "IssuerClient[clientId=" + clientId + ", " + (isPublic() ? "public" : "confidential")
                + ", grantTypes=" + grantTypes + "]";
    }
}
