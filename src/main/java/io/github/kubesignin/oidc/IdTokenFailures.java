package io.github.kubesignin.oidc;

import io.github.kubesignin.profile.Profile;

/** Rewords Nimbus's validation messages into what went wrong with the token and what it means. */
final class IdTokenFailures {
    private IdTokenFailures() {
    }

    static String explain(String nimbusMessage, Profile profile) {
        String m = String.valueOf(nimbusMessage);
        if (m.contains("issuer")) {
            return "its iss is not exactly the profile's issuer '" + profile.issuer() + "' (" + m + ")";
        }
        if (m.contains("audience")) {
            return "its aud does not contain the client id '" + profile.clientId() + "' (" + m + ")";
        }
        if (m.contains("Expired")) {
            return "it has already expired: check this computer's clock (" + m + ")";
        }
        if (m.contains("before") || m.contains("future") || m.contains("nbf") || m.contains("iat")) {
            return "it is not valid yet: check this computer's clock (" + m + ")";
        }
        if (m.contains("no matching key") || m.contains("algorithm")) {
            return "it is signed with an algorithm or key the issuer's key set does not offer (only RSA, EC and EdDSA"
                    + " signatures are accepted) (" + m + ")";
        }
        if (m.contains("signature")) {
            return "its signature does not match the issuer's key: the token was altered or signed by someone else (" + m + ")";
        }
        if (m.contains("nsecured") || m.contains("plain")) {
            return "it is not signed (alg none), which is never accepted (" + m + ")";
        }
        return m;
    }
}
