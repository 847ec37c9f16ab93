package io.github.kubesignin.interop;

import static io.github.kubesignin.interop.KeycloakServer.ALICE;
import static io.github.kubesignin.interop.KeycloakServer.ALICE_EMAIL;
import static io.github.kubesignin.interop.KeycloakServer.ALICE_PASSWORD;
import static io.github.kubesignin.interop.KeycloakServer.BOB;
import static io.github.kubesignin.interop.KeycloakServer.BOB_PASSWORD;
import static io.github.kubesignin.interop.KeycloakServer.CONFIDENTIAL_CLIENT;
import static io.github.kubesignin.interop.KeycloakServer.CONFIDENTIAL_CLIENT_SECRET;
import static io.github.kubesignin.interop.KeycloakServer.DEVELOPERS_GROUP;
import static io.github.kubesignin.interop.KeycloakServer.GROUPS_CLAIM;
import static io.github.kubesignin.interop.KeycloakServer.NO_PASSWORD_CLIENT;
import static io.github.kubesignin.interop.KeycloakServer.NO_PASSWORD_CLIENT_SECRET;
import static io.github.kubesignin.interop.KeycloakServer.PUBLIC_CLIENT;
import static io.github.kubesignin.interop.TokenEndpointClient.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.kubesignin.interop.TokenEndpointClient.Answer;
import java.net.URI;
import java.text.ParseException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks that the test realm behaves the way kubesignin relies on, with nothing but the JDK's HttpClient: if
 * these fail, the later interop tests of the product would fail for reasons that are not the product's.
 */
class KeycloakRealmIT {

    private static KeycloakServer keycloak;
    private static TokenEndpointClient client;
    private static URI tokenEndpoint;

    @BeforeAll
    static void startKeycloak() throws Exception {
        if (!KeycloakServer.available()) {
            return; // each test is skipped, with the reason, in requireKeycloak()
        }
        keycloak = KeycloakServer.get();
        client = new TokenEndpointClient(keycloak.sslContext());
        tokenEndpoint = URI.create(discovery().string("token_endpoint"));
    }

    /** Per test rather than in @BeforeAll, so that Surefire reports every skipped test with the reason. */
    @BeforeEach
    void requireKeycloak() {
        assumeTrue(KeycloakServer.available(), KeycloakServer::unavailableReason);
    }

    @Test
    void discoveryNamesTheIssuerExactlyAndOffersThePasswordGrant() throws Exception {
        Answer discovery = discovery();

        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.string("issuer")).isEqualTo(keycloak.issuer().toString()).doesNotEndWith("/");
        assertThat(JSONObjectUtils.getStringList(discovery.json(), "grant_types_supported")).contains("password", "refresh_token");
    }

    @Test
    void confidentialClientWithSecretBasicGetsIdTokenWithAudienceGroupsAndVerifiedEmail() throws Exception {
        Answer answer = client.postForm(tokenEndpoint, passwordGrant(ALICE, ALICE_PASSWORD),
                CONFIDENTIAL_CLIENT, CONFIDENTIAL_CLIENT_SECRET);

        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        assertThat(answer.string("refresh_token")).isNotBlank();
        JWTClaimsSet idToken = idTokenClaims(answer);
        assertThat(idToken.getIssuer()).isEqualTo(keycloak.issuer().toString());
        assertThat(idToken.getAudience()).contains(CONFIDENTIAL_CLIENT);
        assertThat(idToken.getStringListClaim(GROUPS_CLAIM)).contains(DEVELOPERS_GROUP);
        assertThat(idToken.getBooleanClaim("email_verified")).isTrue();
        assertThat(idToken.getStringClaim("email")).isEqualTo(ALICE_EMAIL);
    }

    @Test
    void confidentialClientWithSecretPostGetsIdTokenAndRefreshToken() throws Exception {
        Answer answer = client.postForm(tokenEndpoint, withClient(passwordGrant(ALICE, ALICE_PASSWORD),
                CONFIDENTIAL_CLIENT, CONFIDENTIAL_CLIENT_SECRET), null, null);

        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        assertThat(answer.string("refresh_token")).isNotBlank();
        assertThat(idTokenClaims(answer).getAudience()).contains(CONFIDENTIAL_CLIENT);
    }

    @Test
    void publicClientNeedsOnlyItsClientId() throws Exception {
        Map<String, String> request = passwordGrant(ALICE, ALICE_PASSWORD);
        request.put("client_id", PUBLIC_CLIENT);

        Answer answer = client.postForm(tokenEndpoint, request, null, null);

        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        JWTClaimsSet idToken = idTokenClaims(answer);
        assertThat(idToken.getAudience()).contains(PUBLIC_CLIENT);
        assertThat(idToken.getStringListClaim(GROUPS_CLAIM)).contains(DEVELOPERS_GROUP);
    }

    @Test
    void clientWithoutDirectAccessGrantsIsUnauthorized() throws Exception {
        Answer answer = client.postForm(tokenEndpoint, passwordGrant(ALICE, ALICE_PASSWORD),
                NO_PASSWORD_CLIENT, NO_PASSWORD_CLIENT_SECRET);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.string("error")).isEqualTo("unauthorized_client");
        assertThat(answer.string("error_description")).isEqualTo("Client not allowed for direct access grants");
    }

    @Test
    void wrongPasswordIsInvalidGrant() throws Exception {
        Answer answer = client.postForm(tokenEndpoint, passwordGrant(ALICE, "not-" + ALICE_PASSWORD),
                CONFIDENTIAL_CLIENT, CONFIDENTIAL_CLIENT_SECRET);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.string("error")).isEqualTo("invalid_grant");
    }

    /**
     * RFC 6749 section 5.2 says invalid_client, but Keycloak answers unauthorized_client, telling it apart from a
     * client without the password grant only by HTTP 401 (not 400) and the description. kubesignin's error mapping
     * has to look at the status too.
     */
    @Test
    void wrongClientSecretIsUnauthorizedClientWithStatus401() throws Exception {
        Answer answer = client.postForm(tokenEndpoint, passwordGrant(ALICE, ALICE_PASSWORD),
                CONFIDENTIAL_CLIENT, "not-" + CONFIDENTIAL_CLIENT_SECRET);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.string("error")).isEqualTo("unauthorized_client");
        assertThat(answer.string("error_description")).isEqualTo("Invalid client or Invalid client credentials");
    }

    @Test
    void unverifiedEmailShowsInTheIdToken() throws Exception {
        Answer answer = client.postForm(tokenEndpoint, passwordGrant(BOB, BOB_PASSWORD),
                CONFIDENTIAL_CLIENT, CONFIDENTIAL_CLIENT_SECRET);

        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        assertThat(idTokenClaims(answer).getBooleanClaim("email_verified")).isFalse();
    }

    @Test
    void refreshTokenGrantReturnsANewIdToken() throws Exception {
        Answer signIn = client.postForm(tokenEndpoint, passwordGrant(ALICE, ALICE_PASSWORD),
                CONFIDENTIAL_CLIENT, CONFIDENTIAL_CLIENT_SECRET);

        Answer refreshed = client.postForm(tokenEndpoint,
                form("grant_type", "refresh_token", "refresh_token", signIn.string("refresh_token")),
                CONFIDENTIAL_CLIENT, CONFIDENTIAL_CLIENT_SECRET);

        assertThat(refreshed.status()).as(refreshed.json().toString()).isEqualTo(200);
        assertThat(refreshed.string("id_token")).isNotBlank().isNotEqualTo(signIn.string("id_token"));
        JWTClaimsSet idToken = idTokenClaims(refreshed);
        assertThat(idToken.getSubject()).isEqualTo(idTokenClaims(signIn).getSubject());
        assertThat(idToken.getAudience()).contains(CONFIDENTIAL_CLIENT);
    }

    private static Answer discovery() throws Exception {
        return client.get(URI.create(keycloak.issuer() + "/.well-known/openid-configuration"));
    }

    /** scope=openid is what makes Keycloak return an id_token from the password grant. */
    private static Map<String, String> passwordGrant(String username, String password) {
        return form("grant_type", "password", "username", username, "password", password, "scope", "openid");
    }

    private static Map<String, String> withClient(Map<String, String> form, String id,
            String secret) {
        form.put("client_id", id);
        form.put("client_secret", secret);
        return form;
    }

    private static JWTClaimsSet idTokenClaims(Answer answer) throws ParseException {
        String idToken = answer.string("id_token");
        assertThat(idToken).as("id_token in " + answer.json().keySet()).isNotBlank();
        return SignedJWT.parse(idToken).getJWTClaimsSet();
    }
}
