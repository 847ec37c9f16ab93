package io.github.kubesignin.oidc;

/**
 * A failure talking to the issuer, with a message meant for the person signing in. Messages never contain a
 * password, client secret or token.
 */
public class OidcException extends RuntimeException {
    private final OidcProblem problem;

    public OidcException(OidcProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public OidcException(OidcProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public OidcProblem problem() {
        return problem;
    }
}
