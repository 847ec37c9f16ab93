package io.github.kubesignin.oidc;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A started device sign-in (RFC 8628 §3.2): what to show the person. The device code itself stays inside and never
 * shows in {@link #toString()}.
 *
 * @param userCode                the short code the person types on the verification page
 * @param verificationUri         the page to open on any device
 * @param verificationUriComplete the page with the code filled in, if the issuer offers one (good for a QR code)
 * @param expiresAt               when the codes stop working
 * @param interval                how long to wait between polls, as the issuer asked
 */
public record DeviceAuthorization(String userCode, URI verificationUri, Optional<URI> verificationUriComplete,
                                  Instant expiresAt, Duration interval, Secret deviceCode, ProviderInfo provider) {

    /** Wraps the device code so that it is never printed by accident. */
    public record Secret(String value) {
        @Override
        public String toString() {
            return "<device code>";
        }
    }

    /** The URL to show as a QR code: the complete one when offered. */
    public URI bestUri() {
        return verificationUriComplete.orElse(verificationUri);
    }

    @Override
    public String toString() {
        return "DeviceAuthorization[userCode=" + userCode + ", verificationUri=" + verificationUri + ", expiresAt=" + expiresAt
                + ", interval=" + interval + "]";
    }
}
