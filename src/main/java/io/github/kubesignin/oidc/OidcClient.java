package io.github.kubesignin.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.SignInMethod;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import net.minidev.json.JSONObject;

/**
 * Talks OpenID Connect to a profile's issuer through Nimbus: discovery, the password and refresh grants, the browser
 * ({@link BrowserSignIn}) and device ({@link DeviceSignIn}) sign-ins, and validation of every id_token received. Each
 * call has connect and read timeouts; each failure is an {@link OidcException} whose message names the cause.
 */
public final class OidcClient {
    /** Only asymmetric algorithms: {@code none} and HMAC (with a public key as secret) are never accepted. */
    static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);
    private static final int CLOCK_SKEW_SECONDS = 60;

    private final HttpSettings settings;

    public OidcClient(HttpSettings settings) {
        this.settings = settings;
    }

    /** Fetches and checks the issuer's discovery document. */
    public ProviderInfo discover(Profile profile) {
        URI url = discoveryUrl(profile.issuer());
        HTTPResponse response = send(new HTTPRequest(HTTPRequest.Method.GET, url), profile);
        if (response.getStatusCode() != 200) {
            throw new OidcException(OidcProblem.ISSUER_ERROR, "the discovery document " + url + " answered HTTP "
                    + response.getStatusCode() + ": is the issuer URL right?");
        }
        JSONObject json = jsonBody(response, "the discovery document " + url);
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.parse(json);
        } catch (ParseException e) {
            throw new OidcException(OidcProblem.ISSUER_ERROR, "the discovery document " + url + " is incomplete: " + e.getMessage(), e);
        }
        List<String> grants = metadata.getGrantTypes() == null ? List.of()
                : metadata.getGrantTypes().stream().map(GrantType::getValue).toList();
        List<String> algorithms = metadata.getIDTokenJWSAlgs() == null ? List.of()
                : metadata.getIDTokenJWSAlgs().stream().map(JWSAlgorithm::getName).toList();
        String issuer = metadata.getIssuer().getValue();
        List<String> warnings = new ArrayList<>();
        issuerMismatch(profile, issuer).ifPresent(warnings::add);
        if (metadata.getTokenEndpointURI() == null) {
            throw new OidcException(OidcProblem.ISSUER_ERROR, "the discovery document " + url + " has no token_endpoint");
        }
        List<String> challengeMethods = metadata.getCodeChallengeMethods() == null ? List.of()
                : metadata.getCodeChallengeMethods().stream().map(CodeChallengeMethod::getValue).toList();
        ProviderInfo withoutWarnings = new ProviderInfo(issuer, metadata.getTokenEndpointURI(), metadata.getJWKSetURI(),
                Optional.ofNullable(metadata.getRevocationEndpointURI()), grants, algorithms, List.of(),
                Optional.ofNullable(metadata.getAuthorizationEndpointURI()),
                Optional.ofNullable(metadata.getDeviceAuthorizationEndpointURI()), challengeMethods);
        withoutWarnings.whyNotSupported(profile.signInMethod()).ifPresent(why -> warnings.add(profile.signInMethod() == SignInMethod.PASSWORD
                ? why + ": sign-in with username and password will likely be refused"
                : why + ": the profile's sign-in method '" + profile.signInMethod().word() + "' will not work"));
        return new ProviderInfo(issuer, withoutWarnings.tokenEndpoint(), withoutWarnings.jwksUri(),
                withoutWarnings.revocationEndpoint(), grants, algorithms, warnings, withoutWarnings.authorizationEndpoint(),
                withoutWarnings.deviceAuthorizationEndpoint(), challengeMethods);
    }

    /** The OAuth2 password grant; the returned id_token has been validated. */
    public TokenSet signInWithPassword(Profile profile, Optional<String> clientSecret, String username, char[] password) {
        ProviderInfo provider = discoverForSignIn(profile);
        var grant = new ResourceOwnerPasswordCredentialsGrant(username, new Secret(new String(password)));
        return requestTokens(profile, provider, clientSecret, grant, GrantKind.PASSWORD, null);
    }

    /** The refresh grant; the returned id_token has been validated. */
    public TokenSet refresh(Profile profile, Optional<String> clientSecret, String refreshToken) {
        ProviderInfo provider = discoverForSignIn(profile);
        return requestTokens(profile, provider, clientSecret, new RefreshTokenGrant(new RefreshToken(refreshToken)), GrantKind.REFRESH, null);
    }

    /**
     * Starts a browser sign-in: the authorization request with PKCE (S256), a fresh {@code state} and {@code nonce},
     * redirecting to {@code redirectUri}.
     *
     * @throws OidcException {@link OidcProblem#METHOD_NOT_SUPPORTED} when discovery offers no authorization code flow
     */
    public BrowserAuthorization startBrowserSignIn(Profile profile, URI redirectUri) {
        return new BrowserSignIn(this).start(profile, redirectUri, discoverForSignIn(profile, SignInMethod.BROWSER));
    }

    /**
     * Finishes a browser sign-in with the redirect the browser brought back: checks {@code state} (and {@code iss}
     * when sent, RFC 9207), exchanges the code with the PKCE verifier, and validates the id_token including its
     * {@code nonce}.
     */
    public TokenSet finishBrowserSignIn(Profile profile, Optional<String> clientSecret, BrowserAuthorization started,
                                        URI callback) {
        return new BrowserSignIn(this).finish(profile, clientSecret, started, callback);
    }

    /**
     * The whole browser sign-in: listens on the loopback redirect, hands the authorization URL to {@code openUrl}
     * (which opens a browser or shows the URL), waits for the answer, exchanges it and shows the outcome in the tab.
     * The listener takes the profile's fixed redirect port, or any free one.
     *
     * @param timeout how long the person has to finish in the browser
     */
    public TokenSet signInWithBrowser(Profile profile, Optional<String> clientSecret, java.util.function.Consumer<URI> openUrl,
                                      Duration timeout, SignInCancellation cancellation) {
        return new BrowserSignIn(this).signIn(profile, clientSecret, openUrl, timeout, cancellation);
    }

    /**
     * Starts a device sign-in (RFC 8628 §3.1): asks the issuer for a user code and a verification URI.
     *
     * @throws OidcException {@link OidcProblem#METHOD_NOT_SUPPORTED} when discovery offers no device endpoint
     */
    public DeviceAuthorization startDeviceSignIn(Profile profile, Optional<String> clientSecret, Clock clock) {
        return new DeviceSignIn(this).start(profile, clientSecret, clock);
    }

    /**
     * Polls the token endpoint until the person has entered the code (RFC 8628 §3.4–3.5): waits the issuer's interval
     * between polls, 5 s more after each {@code slow_down}, and stops on {@code expired_token}, {@code access_denied},
     * the code's own expiry or a cancel.
     */
    public TokenSet awaitDeviceSignIn(Profile profile, Optional<String> clientSecret, DeviceAuthorization started,
                                      Clock clock, Sleeper sleeper, SignInCancellation cancellation) {
        return new DeviceSignIn(this).await(profile, clientSecret, started, clock, sleeper, cancellation);
    }

    static void requireOpenId(Profile profile) {
        if (!profile.scopes().contains("openid")) {
            throw new OidcException(OidcProblem.NO_ID_TOKEN, "the scopes (" + String.join(" ", profile.scopes())
                    + ") must include 'openid', or the issuer returns no id_token");
        }
    }

    /**
     * Revokes a refresh token (RFC 7009) when the issuer advertises a {@code revocation_endpoint}.
     *
     * @return false when the issuer advertises none, so nothing was sent; true when the issuer accepted the request
     * @throws OidcException when the issuer cannot be reached or refuses the request; callers that sign out treat
     *                       this as best effort and clean up locally anyway
     */
    public boolean revoke(Profile profile, Optional<String> clientSecret, String refreshToken) {
        ProviderInfo provider = discover(profile);
        if (provider.revocationEndpoint().isEmpty()) {
            return false;
        }
        URI endpoint = provider.revocationEndpoint().get();
        ClientID clientId = new ClientID(profile.clientId());
        RefreshToken token = new RefreshToken(refreshToken);
        TokenRevocationRequest request = switch (profile.authentication()) {
            case BASIC -> new TokenRevocationRequest(endpoint, new ClientSecretBasic(clientId, secret(profile, clientSecret)), token);
            case POST -> new TokenRevocationRequest(endpoint, new ClientSecretPost(clientId, secret(profile, clientSecret)), token);
            case PUBLIC -> new TokenRevocationRequest(endpoint, clientId, token);
        };
        HTTPResponse response = send(request.toHTTPRequest(), profile);
        if (response.getStatusCode() != 200) {
            String said = "";
            try {
                ErrorObject error = ErrorObject.parse(response.getBodyAsJSONObject());
                said = error.getCode() == null ? "" : " (the issuer said: " + error.getCode()
                        + (error.getDescription() == null ? "" : ": " + error.getDescription()) + ")";
            } catch (ParseException e) {
                // no OAuth2 error in the body: the status alone must do
            }
            throw new OidcException(OidcProblem.ISSUER_ERROR, "the revocation endpoint " + endpoint + " answered HTTP "
                    + response.getStatusCode() + said);
        }
        return true;
    }

    /** Checks only the signature of a token against the issuer's current keys, for the inspector. */
    public SignatureCheck checkSignature(Profile profile, String token) {
        ProviderInfo provider = discover(profile);
        return SignatureChecker.check(token, fetchJwks(profile, provider));
    }

    private ProviderInfo discoverForSignIn(Profile profile) {
        ProviderInfo provider = discover(profile);
        issuerMismatch(profile, provider.issuer()).ifPresent(message -> {
            throw new OidcException(OidcProblem.ISSUER_MISMATCH, message);
        });
        return provider;
    }

    /** Discovery, refusing a browser or device sign-in the issuer does not offer (the password grant is tried anyway). */
    ProviderInfo discoverForSignIn(Profile profile, SignInMethod method) {
        ProviderInfo provider = discoverForSignIn(profile);
        if (method != SignInMethod.PASSWORD) {
            provider.whyNotSupported(method).ifPresent(why -> {
                throw new OidcException(OidcProblem.METHOD_NOT_SUPPORTED, "profile '" + profile.name() + "' signs in with the "
                        + method.word() + " method, but " + why + "; choose one the issuer offers ("
                        + String.join(", ", provider.supportedMethods().stream().map(SignInMethod::word).toList())
                        + ") with 'kubesignin profile add " + profile.name() + " … --sign-in METHOD' or 'login --method METHOD'");
            });
        }
        return provider;
    }

    ClientAuthentication clientAuthentication(Profile profile, Optional<String> clientSecret) {
        ClientID clientId = new ClientID(profile.clientId());
        return switch (profile.authentication()) {
            case BASIC -> new ClientSecretBasic(clientId, secret(profile, clientSecret));
            case POST -> new ClientSecretPost(clientId, secret(profile, clientSecret));
            case PUBLIC -> throw new IllegalStateException("a public client does not authenticate");
        };
    }

    TokenSet requestTokens(Profile profile, ProviderInfo provider, Optional<String> clientSecret,
                                   AuthorizationGrant grant, GrantKind kind, Nonce expectedNonce) {
        boolean passwordGrant = kind == GrantKind.PASSWORD;
        ClientID clientId = new ClientID(profile.clientId());
        TokenRequest.Builder builder = switch (profile.authentication()) {
            case BASIC -> new TokenRequest.Builder(provider.tokenEndpoint(), new ClientSecretBasic(clientId, secret(profile, clientSecret)), grant);
            case POST -> new TokenRequest.Builder(provider.tokenEndpoint(), new ClientSecretPost(clientId, secret(profile, clientSecret)), grant);
            case PUBLIC -> new TokenRequest.Builder(provider.tokenEndpoint(), clientId, grant);
        };
        if (passwordGrant) {
            builder.scope(new Scope(profile.scopes().toArray(String[]::new)));
        }
        profile.extraParameters().forEach(builder::customParameter);
        HTTPResponse response = send(builder.build().toHTTPRequest(), profile);
        String what = "the token endpoint " + provider.tokenEndpoint();
        if (response.getStatusCode() != 200) {
            throw tokenError(response, profile, what, kind);
        }
        JSONObject json = jsonBody(response, what);
        if (json.get("id_token") == null) {
            throw new OidcException(OidcProblem.NO_ID_TOKEN, "the issuer returned no id_token: the scopes ("
                    + String.join(" ", profile.scopes()) + ") must include 'openid'"
                    + (kind == GrantKind.REFRESH ? ", or this issuer does not return a new id_token on refresh" : ""));
        }
        OIDCTokens tokens;
        try {
            tokens = OIDCTokenResponse.parse(json).getOIDCTokens();
        } catch (ParseException e) {
            throw new OidcException(OidcProblem.ISSUER_ERROR, what + " gave an answer that is not a token response: " + e.getMessage(), e);
        }
        Map<String, Object> claims = validateIdToken(profile, provider, tokens.getIDToken(), expectedNonce);
        Instant expiry = Instant.ofEpochSecond(((Number) claims.get("exp")).longValue());
        return new TokenSet(tokens.getIDTokenString(), tokens.getAccessToken().getValue(),
                Optional.ofNullable(tokens.getRefreshToken()).map(RefreshToken::getValue), expiry, claims);
    }

    private static Secret secret(Profile profile, Optional<String> clientSecret) {
        return new Secret(clientSecret.orElseThrow(() -> new OidcException(OidcProblem.INVALID_CLIENT,
                "profile '" + profile.name() + "' uses client_secret_" + profile.authentication().word()
                        + " but no client secret is in the keychain: add it with 'kubesignin profile add "
                        + profile.name() + " … --client-secret-stdin'")));
    }

    private Map<String, Object> validateIdToken(Profile profile, ProviderInfo provider, JWT idToken, Nonce expectedNonce) {
        JWKSet keys = fetchJwks(profile, provider);
        var selector = new JWSVerificationKeySelector<SecurityContext>(ALLOWED_ALGORITHMS, new ImmutableJWKSet<>(keys));
        var validator = new IDTokenValidator(new Issuer(profile.issuer().toString()), new ClientID(profile.clientId()), selector, null);
        validator.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        try {
            return validator.validate(idToken, expectedNonce).toJWTClaimsSet().toJSONObject();
        } catch (BadJOSEException | JOSEException | ParseException e) {
            if (expectedNonce != null && String.valueOf(e.getMessage()).contains("nonce")) {
                throw new OidcException(OidcProblem.STATE_MISMATCH, "the issuer's id_token failed validation: its nonce"
                        + " is not the one this sign-in sent, so it may be replayed from another sign-in (" + e.getMessage() + ")", e);
            }
            throw new OidcException(OidcProblem.INVALID_ID_TOKEN, "the issuer's id_token failed validation: "
                    + IdTokenFailures.explain(e.getMessage(), profile), e);
        }
    }

    private JWKSet fetchJwks(Profile profile, ProviderInfo provider) {
        if (provider.jwksUri() == null) {
            throw new OidcException(OidcProblem.ISSUER_ERROR, "the discovery document has no jwks_uri, so tokens cannot be verified");
        }
        HTTPResponse response = send(new HTTPRequest(HTTPRequest.Method.GET, provider.jwksUri()), profile);
        String what = "the issuer's key set " + provider.jwksUri();
        if (response.getStatusCode() != 200) {
            throw new OidcException(OidcProblem.ISSUER_ERROR, what + " answered HTTP " + response.getStatusCode());
        }
        try {
            return JWKSet.parse(response.getBody());
        } catch (java.text.ParseException e) {
            throw new OidcException(OidcProblem.NOT_JSON, what + " is not a JSON Web Key Set: " + e.getMessage(), e);
        }
    }

    OidcException tokenError(HTTPResponse response, Profile profile, String what, GrantKind kind) {
        ErrorObject error;
        try {
            error = TokenErrorResponse.parse(jsonBody(response, what)).getErrorObject();
        } catch (ParseException e) {
            error = null;
        }
        if (error == null || error.getCode() == null) {
            throw new OidcException(OidcProblem.ISSUER_ERROR, what + " answered HTTP " + response.getStatusCode() + " without an OAuth2 error");
        }
        return TokenErrors.explain(response.getStatusCode(), error.getCode(), error.getDescription(), profile, kind);
    }

    JSONObject jsonBody(HTTPResponse response, String what) {
        String type = response.getHeaderValue("Content-Type");
        try {
            return response.getBodyAsJSONObject();
        } catch (ParseException e) {
            String body = response.getBody() == null ? "" : response.getBody().strip();
            String start = body.lines().findFirst().orElse("");
            throw new OidcException(OidcProblem.NOT_JSON, what + " did not answer with JSON (HTTP " + response.getStatusCode()
                    + ", " + (type == null ? "no content type" : type) + (start.isEmpty() ? "" : ", starting '" + abbreviate(start) + "'") + ")", e);
        }
    }

    HTTPResponse send(HTTPRequest request, Profile profile) {
        request.setConnectTimeout((int) settings.connectTimeout().toMillis());
        request.setReadTimeout((int) settings.readTimeout().toMillis());
        SSLSocketFactory trust = TlsTrust.socketFactory(profile.caFileIfAny());
        if (trust != null) {
            request.setSSLSocketFactory(trust);
        }
        try {
            return request.send();
        } catch (IOException e) {
            throw NetworkFailures.describe(e, request.getURI(), profile.caFileIfAny(), settings);
        }
    }

    static Optional<String> issuerMismatch(Profile profile, String metadataIssuer) {
        String configured = profile.issuer().toString();
        if (configured.equals(metadataIssuer)) {
            return Optional.empty();
        }
        boolean slashOnly = strip(configured).equals(strip(metadataIssuer));
        return Optional.of("the issuer calls itself '" + metadataIssuer + "' but the profile says '" + configured + "'"
                + (slashOnly ? " (they differ only by a trailing slash, which still counts)" : "")
                + ": tokens carry iss='" + metadataIssuer + "', so set the profile's issuer and the API server's"
                + " --oidc-issuer-url to exactly that");
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static URI discoveryUrl(URI issuer) {
        return URI.create(strip(issuer.toString()) + "/.well-known/openid-configuration");
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
