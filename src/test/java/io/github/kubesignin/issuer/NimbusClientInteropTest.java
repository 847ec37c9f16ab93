package io.github.kubesignin.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The issuer as the oidc package will use it: through Nimbus's OAuth 2.0 / OIDC client classes. */
class NimbusClientInteropTest {
    private static EmbeddedIssuer issuer;

    @BeforeAll
    static void start() {
        issuer = EmbeddedIssuer.demo().certificateAuthority(TestCa.CA).rotateRefreshTokens(true).start();
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void passwordThenRefreshWithAConfidentialClient() throws Exception {
        ClientSecretBasic auth = new ClientSecretBasic(new ClientID(DemoData.CONFIDENTIAL_CLIENT_ID),
                new Secret(DemoData.CLIENT_SECRET));
        TokenRequest signIn = new TokenRequest(issuer.tokenEndpoint(), auth,
                new ResourceOwnerPasswordCredentialsGrant(DemoData.USER, new Secret(DemoData.PASSWORD)),
                new Scope("openid", "email", "groups"));

        OIDCTokenResponse tokens = send(signIn).toSuccessResponse() instanceof OIDCTokenResponse oidc ? oidc : null;

        assertThat(tokens).isNotNull();
        IDTokenClaimsSet claims = validator(DemoData.CONFIDENTIAL_CLIENT_ID)
                .validate(tokens.getOIDCTokens().getIDToken(), null);
        assertThat(claims.getStringClaim("email")).isEqualTo(DemoData.EMAIL);

        TokenRequest refresh = new TokenRequest(issuer.tokenEndpoint(), auth,
                new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()));
        TokenResponse refreshed = send(refresh);
        assertThat(refreshed.indicatesSuccess()).isTrue();
        assertThat(refreshed.toSuccessResponse().getTokens().getRefreshToken())
                .isNotEqualTo(tokens.getOIDCTokens().getRefreshToken());

        ErrorObject reused = send(refresh).toErrorResponse().getErrorObject();
        assertThat(reused.getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void wrongPasswordIsInvalidGrantForNimbus() throws Exception {
        TokenRequest signIn = new TokenRequest(issuer.tokenEndpoint(), new ClientID(DemoData.CLIENT_ID),
                new ResourceOwnerPasswordCredentialsGrant(DemoData.USER, new Secret("wrong")), new Scope("openid"));
        ErrorObject error = send(signIn).toErrorResponse().getErrorObject();
        assertThat(error.getCode()).isEqualTo("invalid_grant");
        assertThat(error.getHTTPStatusCode()).isEqualTo(400);
    }

    private static TokenResponse send(TokenRequest request) throws Exception {
        HTTPRequest http = request.toHTTPRequest();
        http.setSSLSocketFactory(TestCa.CA.clientSslContext().getSocketFactory());
        HTTPResponse response = http.send();
        return OIDCTokenResponseParser.parse(response);
    }

    private static IDTokenValidator validator(String clientId) throws Exception {
        JWKSet jwks = JWKSet.parse(new IssuerHttp(TestCa.CA).get(issuer.jwksUrl()).body());
        return new IDTokenValidator(new Issuer(issuer.issuerUrl().toString()), new ClientID(clientId),
                JWSAlgorithm.RS256, jwks);
    }
}
