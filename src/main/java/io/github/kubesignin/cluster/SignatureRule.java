package io.github.kubesignin.cluster;

import io.github.kubesignin.oidc.SignatureCheck;
import java.util.Optional;

/** The signature, checked online against the issuer's keys, as one more rule of the verdict. */
public final class SignatureRule {
    static final String RULE = "the signature verifies with the issuer's keys";

    private SignatureRule() {
    }

    /** Empty when the signature could not be checked: no verdict either way. */
    public static Optional<RuleCheck> from(SignatureCheck check) {
        return switch (check.verdict()) {
            case VALID -> Optional.of(RuleCheck.pass(RULE, check.detail()));
            case INVALID -> Optional.of(RuleCheck.fail(RULE, check.detail(),
                    "oidc: verify token: failed to verify signature: failed to verify id token signature",
                    "use a token this issuer signed (not one from another issuer or environment, and not edited)"));
            case NOT_CHECKED -> Optional.empty();
        };
    }
}
