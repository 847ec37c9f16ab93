package io.github.kubesignin.issuer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The fixed configuration of one running issuer, as the builder collected it. */
record IssuerSettings(String issuer, String baseUrl, Map<String, IssuerUser> users, Map<String, IssuerClient> clients,
                      Duration idTokenLifetime, Duration refreshTokenLifetime, boolean issueRefreshTokens,
                      boolean rotateRefreshTokens, Clock clock, List<String> advertisedGrantTypes,
                      Duration authorizationCodeLifetime, Duration deviceCodeLifetime, Duration devicePollInterval) {
    static final List<String> SUPPORTED_SCOPES = List.of("openid", "profile", "email", "groups", "offline_access");
    static final List<String> SUPPORTED_GRANT_TYPES = List.of(IssuerClient.PASSWORD, IssuerClient.REFRESH_TOKEN,
            IssuerClient.AUTHORIZATION_CODE, IssuerClient.DEVICE_CODE);

    IssuerSettings {
        users = Map.copyOf(users);
        clients = Map.copyOf(clients);
        advertisedGrantTypes = List.copyOf(advertisedGrantTypes);
    }
}
