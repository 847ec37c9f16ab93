package io.github.kubesignin.issuer;

/** An RFC 6749 §5.2 error answer: the error code, a human description and the HTTP status. */
final class OAuthException extends Exception {
    private final String error;
    private final int status;
    private final boolean basicChallenge;

    private OAuthException(String error, String description, int status, boolean basicChallenge) {
        super(description, null, false, false); // control flow, not a failure: no stack trace
        this.error = error;
        this.status = status;
        this.basicChallenge = basicChallenge;
    }

    static OAuthException invalidRequest(String description) {
        return new OAuthException("invalid_request", description, 400, false);
    }

    /** RFC 6749 §5.2: 401, and a Basic challenge when the client tried the Authorization header. */
    static OAuthException invalidClient(String description, boolean usedBasic) {
        return new OAuthException("invalid_client", description, 401, usedBasic);
    }

    static OAuthException invalidGrant(String description) {
        return new OAuthException("invalid_grant", description, 400, false);
    }

    static OAuthException unauthorizedClient(String description) {
        return new OAuthException("unauthorized_client", description, 400, false);
    }

    static OAuthException unsupportedGrantType(String description) {
        return new OAuthException("unsupported_grant_type", description, 400, false);
    }

    static OAuthException invalidScope(String description) {
        return new OAuthException("invalid_scope", description, 400, false);
    }

    static OAuthException authorizationPending() {
        return new OAuthException("authorization_pending", "the user has not entered the code yet", 400, false);
    }

    static OAuthException slowDown() {
        return new OAuthException("slow_down", "polling too often: wait 5 seconds longer between requests", 400, false);
    }

    static OAuthException expiredToken() {
        return new OAuthException("expired_token", "the device code has expired", 400, false);
    }

    static OAuthException accessDenied(String description) {
        return new OAuthException("access_denied", description, 400, false);
    }

    String error() {
        return error;
    }

    String description() {
        return getMessage();
    }

    int status() {
        return status;
    }

    boolean basicChallenge() {
        return basicChallenge;
    }
}
