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
    ISSUER_ERROR
}
