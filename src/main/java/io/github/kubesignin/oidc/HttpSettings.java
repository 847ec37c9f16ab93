package io.github.kubesignin.oidc;

import java.time.Duration;

/** Time limits for every call to an issuer. */
public record HttpSettings(Duration connectTimeout, Duration readTimeout) {
    public static final HttpSettings DEFAULT = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(20));
}
