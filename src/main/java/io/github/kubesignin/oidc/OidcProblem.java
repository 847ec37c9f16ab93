package io.github.kubesignin.oidc;

/** Why talking to the issuer failed, as a category the caller can act on (exit codes, UI hints). */
public enum OidcProblem {
    WRONG_CREDENTIALS,
    GRANT_NOT_ENABLED,
    INVALID_CLIENT,
    UNTRUSTED_CERTIFICATE,
    CONNECTION_FAILED,
    TIMEOUT,
    NOT_JSON,
    NO_ID_TOKEN,
    ISSUER_MISMATCH,
    INVALID_ID_TOKEN,
    REFRESH_TOKEN_REJECTED,
    ISSUER_ERROR,
    /** The profile's sign-in method is not offered by the issuer's discovery document. */
    METHOD_NOT_SUPPORTED,
    /** The browser's answer does not belong to this sign-in (state or iss differ), or the id_token's nonce differs. */
    STATE_MISMATCH,
    /** The person (or the issuer) refused the sign-in: access_denied. */
    ACCESS_DENIED,
    /** The device code expired before it was entered, or the browser sign-in was not finished in time. */
    EXPIRED,
    /** The person cancelled the sign-in. */
    CANCELLED
}
