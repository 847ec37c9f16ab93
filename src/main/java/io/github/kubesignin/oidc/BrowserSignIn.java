package io.github.kubesignin.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.SignInMethod;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The browser sign-in for {@link OidcClient}: the authorization code flow with PKCE (S256), {@code state} and
 * {@code nonce}, answered on a loopback redirect (RFC 8252).
 */
final class BrowserSignIn {
    private final OidcClient client;

    BrowserSignIn(OidcClient client) {
        this.client = client;
    }

    TokenSet signIn(Profile profile, Optional<String> clientSecret, Consumer<URI> openUrl, Duration timeout,
                    SignInCancellation cancellation) {
        ProviderInfo provider = client.discoverForSignIn(profile, SignInMethod.BROWSER); // before a port is opened
        try (LoopbackReceiver receiver = LoopbackReceiver.start(profile.signIn().redirectPort())) {
            BrowserAuthorization started = start(profile, receiver.redirectUri(), provider);
            openUrl.accept(started.authorizationUrl());
            LoopbackReceiver.Callback callback = receiver.await(timeout, cancellation);
            try {
                TokenSet tokens = finish(profile, clientSecret, started, callback.uri());
                callback.finish(true, null);
                return tokens;
            } catch (RuntimeException e) {
                callback.finish(false, e instanceof OidcException ? e.getMessage() : "an unexpected error");
                throw e;
            }
        }
    }

    BrowserAuthorization start(Profile profile, URI redirectUri, ProviderInfo provider) {
        OidcClient.requireOpenId(profile);
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(profile.scopes().toArray(String[]::new)), new ClientID(profile.clientId()), redirectUri)
                .endpointURI(provider.authorizationEndpoint().orElseThrow())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        profile.extraParameters().forEach(request::customParameter);
        return new BrowserAuthorization(request.build().toURI(), redirectUri, state.getValue(), nonce.getValue(),
                verifier.getValue(), provider);
    }

    TokenSet finish(Profile profile, Optional<String> clientSecret, BrowserAuthorization started, URI callback) {
        Map<String, List<String>> query = URLUtils.parseParameters(callback.getRawQuery());
        String state = first(query, "state");
        if (!started.state().equals(state)) {
            throw new OidcException(OidcProblem.STATE_MISMATCH, "the browser brought back an answer that does not belong"
                    + " to this sign-in (its state differs): start the sign-in again");
        }
        String iss = first(query, "iss");
        if (iss != null && !iss.equals(started.provider().issuer())) {
            throw new OidcException(OidcProblem.STATE_MISMATCH, "the answer in the browser came from '" + iss
                    + "', not from the issuer '" + started.provider().issuer() + "': start the sign-in again");
        }
        String error = first(query, "error");
        if (error != null) {
            throw TokenErrors.authorization(profile, error, first(query, "error_description"));
        }
        String code = first(query, "code");
        if (code == null) {
            throw new OidcException(OidcProblem.ISSUER_ERROR, "the issuer sent the browser back without an authorization code");
        }
        var grant = new AuthorizationCodeGrant(new AuthorizationCode(code), started.redirectUri(),
                new CodeVerifier(started.codeVerifier()));
        return client.requestTokens(profile, started.provider(), clientSecret, grant, GrantKind.AUTHORIZATION_CODE,
                new Nonce(started.nonce()));
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
