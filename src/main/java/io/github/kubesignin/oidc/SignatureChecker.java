package io.github.kubesignin.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.text.ParseException;
import java.util.List;

/** Checks a JWS signature against a key set, refusing {@code none} and HMAC outright. */
final class SignatureChecker {
    private SignatureChecker() {
    }

    static SignatureCheck check(String token, JWKSet keys) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(token.strip());
        } catch (ParseException e) {
            return new SignatureCheck(SignatureCheck.Verdict.INVALID, "not a signed JWT: " + e.getMessage());
        }
        JWSAlgorithm alg = jws.getHeader().getAlgorithm();
        if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
            return new SignatureCheck(SignatureCheck.Verdict.INVALID,
                    "signed with " + alg + " (a shared secret), which an OIDC issuer's public keys cannot verify and kubesignin never accepts");
        }
        if (!OidcClient.ALLOWED_ALGORITHMS.contains(alg)) {
            return new SignatureCheck(SignatureCheck.Verdict.INVALID, "algorithm " + alg + " is not accepted");
        }
        List<Key> candidates;
        try {
            candidates = new JWSVerificationKeySelector<SecurityContext>(alg, new ImmutableJWKSet<>(keys))
                    .selectJWSKeys(jws.getHeader(), null);
        } catch (com.nimbusds.jose.KeySourceException e) {
            return SignatureCheck.notChecked("cannot read the issuer's keys: " + e.getMessage());
        }
        if (candidates.isEmpty()) {
            String kid = jws.getHeader().getKeyID();
            return new SignatureCheck(SignatureCheck.Verdict.INVALID, "the issuer's key set has no " + alg + " key"
                    + (kid == null ? "" : " with kid '" + kid + "'"));
        }
        var factory = new DefaultJWSVerifierFactory();
        for (Key key : candidates) {
            try {
                if (jws.verify(factory.createJWSVerifier(jws.getHeader(), key))) {
                    return new SignatureCheck(SignatureCheck.Verdict.VALID, "signed with " + alg + " by the issuer's key"
                            + (jws.getHeader().getKeyID() == null ? "" : " '" + jws.getHeader().getKeyID() + "'"));
                }
            } catch (JOSEException e) {
                // try the next candidate key
            }
        }
        return new SignatureCheck(SignatureCheck.Verdict.INVALID,
                "the signature does not match the issuer's key: the token was altered or signed by someone else");
    }
}
