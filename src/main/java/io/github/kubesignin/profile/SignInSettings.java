package io.github.kubesignin.profile;

import java.util.Objects;

/**
 * How a profile signs in.
 *
 * @param method       password, browser or device
 * @param redirectPort for the browser method: the fixed loopback port of the redirect URI
 *                     {@code http://127.0.0.1:PORT/callback}, for issuers that need an exact redirect URI; 0 means
 *                     any free port (RFC 8252 §7.3)
 */
public record SignInSettings(SignInMethod method, int redirectPort) {
    public static final SignInSettings DEFAULT = new SignInSettings(SignInMethod.PASSWORD, 0);

    public SignInSettings {
        Objects.requireNonNull(method, "method");
    }

    public static SignInSettings of(SignInMethod method) {
        return new SignInSettings(method, 0);
    }

    public boolean hasFixedRedirectPort() {
        return redirectPort != 0;
    }
}
