package io.github.kubesignin.oidc;

import java.net.URI;

/**
 * A started browser sign-in: the URL to open, and what the answer must match. The PKCE verifier and the nonce stay
 * inside this object and never show in {@link #toString()}.
 */
public final class BrowserAuthorization {
    private final URI authorizationUrl;
    private final URI redirectUri;
    private final String state;
    private final String nonce;
    private final String codeVerifier;
    private final ProviderInfo provider;

    BrowserAuthorization(URI authorizationUrl, URI redirectUri, String state, String nonce, String codeVerifier,
                         ProviderInfo provider) {
        this.authorizationUrl = authorizationUrl;
        this.redirectUri = redirectUri;
        this.state = state;
        this.nonce = nonce;
        this.codeVerifier = codeVerifier;
        this.provider = provider;
    }

    /** The issuer's authorization endpoint with the request (client id, redirect URI, state, nonce, PKCE challenge). */
    public URI authorizationUrl() {
        return authorizationUrl;
    }

    public URI redirectUri() {
        return redirectUri;
    }

    String state() {
        return state;
    }

    String nonce() {
        return nonce;
    }

    String codeVerifier() {
        return codeVerifier;
    }

    ProviderInfo provider() {
        return provider;
    }

    @Override
    public String toString() {
        return "BrowserAuthorization[redirect " + redirectUri + "]";
    }
}
