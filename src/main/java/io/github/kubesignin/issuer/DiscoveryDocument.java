package io.github.kubesignin.issuer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenID Provider metadata served at {@code /.well-known/openid-configuration}. */
final class DiscoveryDocument {
    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    static final String JWKS_PATH = "/jwks";
    static final String TOKEN_PATH = "/token";
    static final String REVOCATION_PATH = "/revoke";
    static final String USERINFO_PATH = "/userinfo";
    static final String AUTHORIZATION_PATH = "/authorize";
    static final String DEVICE_AUTHORIZATION_PATH = "/device";
    static final String DEVICE_VERIFICATION_PATH = "/device/verify";

    private DiscoveryDocument() {
    }

    static Map<String, Object> of(IssuerSettings settings) {
        String base = settings.baseUrl();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", settings.issuer());
        metadata.put("token_endpoint", base + TOKEN_PATH);
        metadata.put("jwks_uri", base + JWKS_PATH);
        metadata.put("revocation_endpoint", base + REVOCATION_PATH);
        metadata.put("userinfo_endpoint", base + USERINFO_PATH);
        metadata.put("authorization_endpoint", base + AUTHORIZATION_PATH);
        metadata.put("device_authorization_endpoint", base + DEVICE_AUTHORIZATION_PATH);
        metadata.put("response_types_supported", List.of("code", "id_token"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("authorization_response_iss_parameter_supported", true);
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("grant_types_supported", settings.advertisedGrantTypes());
        List<String> clientAuthentication = List.of(ClientAuthenticator.BASIC, ClientAuthenticator.POST,
                ClientAuthenticator.NONE);
        metadata.put("token_endpoint_auth_methods_supported", clientAuthentication);
        metadata.put("revocation_endpoint_auth_methods_supported", clientAuthentication);
        metadata.put("scopes_supported", IssuerSettings.SUPPORTED_SCOPES);
        metadata.put("claims_supported", List.of("iss", "sub", "aud", "azp", "exp", "iat", "auth_time", "email",
                "email_verified", "groups", "name", "preferred_username"));
        return metadata;
    }
}
