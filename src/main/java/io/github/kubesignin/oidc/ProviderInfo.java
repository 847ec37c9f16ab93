package io.github.kubesignin.oidc;

import io.github.kubesignin.profile.SignInMethod;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the issuer's discovery document says, plus what kubesignin noticed about it.
 *
 * @param issuer                      the {@code issuer} value in the metadata, verbatim
 * @param grantTypesSupported         the advertised grant types; empty when the issuer does not advertise any
 * @param warnings                    sentences about things that will likely break sign-in or the cluster's acceptance
 * @param authorizationEndpoint       where the browser sign-in starts, if the issuer has one
 * @param deviceAuthorizationEndpoint where the device sign-in starts (RFC 8628), if the issuer has one
 * @param codeChallengeMethods        the advertised PKCE methods; empty when not advertised
 */
public record ProviderInfo(
        String issuer,
        URI tokenEndpoint,
        URI jwksUri,
        Optional<URI> revocationEndpoint,
        List<String> grantTypesSupported,
        List<String> signingAlgorithms,
        List<String> warnings,
        Optional<URI> authorizationEndpoint,
        Optional<URI> deviceAuthorizationEndpoint,
        List<String> codeChallengeMethods) {
    public static final String AUTHORIZATION_CODE = "authorization_code";
    public static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";

    public ProviderInfo {
        grantTypesSupported = List.copyOf(grantTypesSupported);
        signingAlgorithms = List.copyOf(signingAlgorithms);
        warnings = List.copyOf(warnings);
        codeChallengeMethods = List.copyOf(codeChallengeMethods);
    }

    public boolean advertisesPasswordGrant() {
        return grantTypesSupported.contains("password");
    }

    /** The methods this issuer supports, in the order password, browser, device. */
    public List<SignInMethod> supportedMethods() {
        List<SignInMethod> methods = new ArrayList<>();
        for (SignInMethod method : SignInMethod.values()) {
            if (whyNotSupported(method).isEmpty()) {
                methods.add(method);
            }
        }
        return methods;
    }

    /**
     * Empty when the discovery document allows this sign-in method, else the reason in words. An issuer that does not
     * advertise grant types or PKCE methods at all gets the benefit of the doubt.
     */
    public Optional<String> whyNotSupported(SignInMethod method) {
        return switch (method) {
            case PASSWORD -> grantNotListed("password", "the password grant");
            case BROWSER -> authorizationEndpoint.isEmpty()
                    ? Optional.of("the issuer's discovery document has no authorization_endpoint")
                    : grantNotListed(AUTHORIZATION_CODE, "the authorization code grant").or(this::noS256);
            case DEVICE -> deviceAuthorizationEndpoint.isEmpty()
                    ? Optional.of("the issuer's discovery document has no device_authorization_endpoint (RFC 8628)")
                    : grantNotListed(DEVICE_CODE, "the device grant");
        };
    }

    private Optional<String> grantNotListed(String grant, String words) {
        if (grantTypesSupported.isEmpty() || grantTypesSupported.contains(grant)) {
            return Optional.empty();
        }
        return Optional.of("the issuer does not list " + words + " (" + grant + ") in grant_types_supported (it lists "
                + String.join(", ", grantTypesSupported) + ")");
    }

    private Optional<String> noS256() {
        if (codeChallengeMethods.isEmpty() || codeChallengeMethods.contains("S256")) {
            return Optional.empty();
        }
        return Optional.of("the issuer does not offer PKCE with S256 (code_challenge_methods_supported lists "
                + String.join(", ", codeChallengeMethods) + ")");
    }
}
