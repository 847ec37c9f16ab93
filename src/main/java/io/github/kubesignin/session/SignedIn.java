package io.github.kubesignin.session;

import io.github.kubesignin.oidc.TokenSet;
import java.util.Optional;

/**
 * A successful sign-in.
 *
 * @param sessionWarning set when the tokens were received but the session could not be kept for renewal
 */
public record SignedIn(TokenSet tokens, Optional<String> sessionWarning) {
}
