package io.github.kubesignin.oidc;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What the issuer's discovery document says, plus what kubesignin noticed about it.
 *
 * @param issuer              the {@code issuer} value in the metadata, verbatim
 * @param grantTypesSupported the advertised grant types; empty when the issuer does not advertise any
 * @param warnings            sentences about things that will likely break sign-in or the cluster's acceptance
 */
public record ProviderInfo(
        String issuer,
        URI tokenEndpoint,
        URI jwksUri,
        Optional<URI> revocationEndpoint,
        List<String> grantTypesSupported,
        List<String> signingAlgorithms,
        List<String> warnings) {

    public boolean advertisesPasswordGrant() {
        return grantTypesSupported.contains("password");
    }
}
