package io.github.kubesignin.session;

import java.util.Optional;

/**
 * What signing out of one profile did. The local clean-up (refresh token, remembered password, cached token) always
 * happened when a result is returned; only the revocation at the issuer may have failed.
 *
 * @param problem why the revocation failed, when {@link #revocation()} is {@link Revocation#FAILED}
 */
public record LogoutResult(String profile, Revocation revocation, Optional<String> problem) {

    public enum Revocation {
        /** The issuer revoked the refresh token. */
        REVOKED,
        /** The issuer advertises no revocation endpoint; the refresh token stays valid there until it expires. */
        NOT_SUPPORTED,
        /** There was no refresh token to revoke. */
        NOTHING_TO_REVOKE,
        /** The issuer could not be reached or refused; the refresh token may stay valid there until it expires. */
        FAILED
    }

    /** One line for a person. */
    public String describe() {
        return switch (revocation) {
            case REVOKED -> "signed out of '" + profile + "'; the issuer revoked the refresh token";
            case NOT_SUPPORTED -> "signed out of '" + profile + "'; the issuer offers no revocation, so its refresh token"
                    + " stays valid there until it expires";
            case NOTHING_TO_REVOKE -> "signed out of '" + profile + "'";
            case FAILED -> "signed out of '" + profile + "' on this computer, but the issuer could not revoke the refresh"
                    + " token (" + problem.orElse("unknown reason") + "); it stays valid there until it expires";
        };
    }
}
