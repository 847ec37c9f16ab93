package io.github.kubesignin.oidc;

import io.github.kubesignin.profile.Profile;

/** The issuer's OAuth2 error answers, in words: what went wrong and where it is fixed. */
final class TokenErrors {
    private TokenErrors() {
    }

    /**
     * The failure for an error answer of the token (or device authorization) endpoint.
     *
     * @throws DevicePending for the device flow's authorization_pending and slow_down, which are not failures
     */
    static OidcException explain(int status, String errorCode, String description, Profile profile, GrantKind kind) {
        String said = description == null ? errorCode : errorCode + ": " + description;
        // Keycloak answers a wrong client secret with 401 unauthorized_client; RFC 6749 reserves 401 for client authentication
        String code = status == 401 ? "invalid_client" : errorCode;
        if (kind == GrantKind.DEVICE_CODE) {
            switch (code) {
                case "authorization_pending" -> throw new DevicePending(false);
                case "slow_down" -> throw new DevicePending(true);
                case "expired_token" -> {
                    return deviceCodeExpired();
                }
                case "access_denied" -> {
                    return new OidcException(OidcProblem.ACCESS_DENIED, "the sign-in was denied on the verification page"
                            + " (the issuer said: " + said + ")");
                }
                default -> {
                    // the common answers below
                }
            }
        }
        if (kind == GrantKind.AUTHORIZATION_CODE && code.equals("invalid_grant")) {
            return new OidcException(OidcProblem.ISSUER_ERROR, "the issuer refused the authorization code: it expired, was"
                    + " used already, or the PKCE verifier or redirect URI did not match; start the sign-in again (the issuer said: " + said + ")");
        }
        return switch (code) {
            case "invalid_grant" -> kind == GrantKind.PASSWORD
                    ? new OidcException(OidcProblem.WRONG_CREDENTIALS, "wrong username or password (the issuer said: " + said + ")")
                    : new OidcException(OidcProblem.REFRESH_TOKEN_REJECTED, "the refresh token was rejected, so you need to sign in again (the issuer said: " + said + ")");
            case "unauthorized_client", "unsupported_grant_type" -> new OidcException(OidcProblem.GRANT_NOT_ENABLED,
                    "the " + kind.words + " grant is not enabled for client '" + profile.clientId() + "' (" + whereToEnable(kind)
                            + ") (the issuer said: " + said + ")");
            case "invalid_client" -> new OidcException(OidcProblem.INVALID_CLIENT, "the client id or client secret is wrong for '"
                    + profile.clientId() + "', or the client expects another authentication method than "
                    + profile.authentication().word() + " (the issuer said: " + said + ")");
            default -> new OidcException(OidcProblem.ISSUER_ERROR, "the issuer refused the request (" + said + ")");
        };
    }

    static String whereToEnable(GrantKind kind) {
        return switch (kind) {
            case PASSWORD, REFRESH -> "in Keycloak: 'Direct access grants'; in Auth0: the 'Password' grant type";
            case AUTHORIZATION_CODE -> "in Keycloak: 'Standard flow'; in Auth0: the 'Authorization Code' grant type";
            case DEVICE_CODE -> "in Keycloak: 'OAuth 2.0 Device Authorization Grant'; in Auth0: the 'Device Code' grant type";
        };
    }

    /** An error the browser brought back from the authorization endpoint. */
    static OidcException authorization(Profile profile, String error, String description) {
        String said = description == null ? error : error + ": " + description;
        return switch (error) {
            case "access_denied" -> new OidcException(OidcProblem.ACCESS_DENIED,
                    "the sign-in was denied in the browser (the issuer said: " + said + ")");
            case "unauthorized_client", "unsupported_response_type" -> new OidcException(OidcProblem.GRANT_NOT_ENABLED,
                    "the browser sign-in (authorization code flow) is not enabled for client '" + profile.clientId()
                            + "' (in Keycloak: 'Standard flow') (the issuer said: " + said + ")");
            case "invalid_request" -> new OidcException(OidcProblem.ISSUER_ERROR, "the issuer refused the sign-in request;"
                    + " is http://127.0.0.1/callback with any port an allowed redirect URI of client '" + profile.clientId()
                    + "'? (the issuer said: " + said + ")");
            default -> new OidcException(OidcProblem.ISSUER_ERROR, "the issuer refused the sign-in (" + said + ")");
        };
    }

    static OidcException deviceCodeExpired() {
        return new OidcException(OidcProblem.EXPIRED, "the code expired before it was entered on the verification page:"
                + " start the sign-in again for a new code");
    }
}
