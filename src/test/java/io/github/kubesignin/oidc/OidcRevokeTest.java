package io.github.kubesignin.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.testing.RunningIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Refresh-token revocation (RFC 7009) against the embedded issuer. */
class OidcRevokeTest {
    @RegisterExtension
    static final RunningIssuer demo = RunningIssuer.demo();

    @TempDir
    static Path dir;

    final OidcClient client = new OidcClient(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(3)));

    private static Profile profile(String clientId, ClientAuthentication authentication) {
        return new Profile("demo", demo.issuer().issuerUrl(), clientId, authentication, Profile.DEFAULT_SCOPES, Map.of(),
                "email", "groups", demo.caFile(), null);
    }

    private String refreshToken(Profile profile, Optional<String> secret) {
        return client.signInWithPassword(profile, secret, DemoData.USER, DemoData.PASSWORD.toCharArray())
                .refreshToken().orElseThrow();
    }

    @Test
    void aPublicClientRevokesItsRefreshToken() {
        Profile profile = profile(DemoData.CLIENT_ID, ClientAuthentication.PUBLIC);
        String refreshToken = refreshToken(profile, Optional.empty());
        assertThat(demo.issuer().isRefreshTokenActive(refreshToken)).isTrue();

        assertThat(client.revoke(profile, Optional.empty(), refreshToken)).isTrue();

        assertThat(demo.issuer().isRefreshTokenActive(refreshToken)).isFalse();
        assertThatThrownBy(() -> client.refresh(profile, Optional.empty(), refreshToken))
                .isInstanceOf(OidcException.class)
                .satisfies(e -> assertThat(((OidcException) e).problem()).isEqualTo(OidcProblem.REFRESH_TOKEN_REJECTED));
    }

    @Test
    void confidentialClientsAuthenticateWithBasicAndPost() {
        for (ClientAuthentication authentication : new ClientAuthentication[] {ClientAuthentication.BASIC, ClientAuthentication.POST}) {
            Profile profile = profile(DemoData.CONFIDENTIAL_CLIENT_ID, authentication);
            Optional<String> secret = Optional.of(DemoData.CLIENT_SECRET);
            String refreshToken = refreshToken(profile, secret);

            assertThat(client.revoke(profile, secret, refreshToken)).as(authentication.word()).isTrue();

            assertThat(demo.issuer().isRefreshTokenActive(refreshToken)).as(authentication.word()).isFalse();
        }
    }

    @Test
    void aWrongClientSecretIsReportedWithoutTheSecret() {
        Profile profile = profile(DemoData.CONFIDENTIAL_CLIENT_ID, ClientAuthentication.BASIC);
        String refreshToken = refreshToken(profile, Optional.of(DemoData.CLIENT_SECRET));

        assertThatThrownBy(() -> client.revoke(profile, Optional.of("wrong-secret"), refreshToken))
                .isInstanceOf(OidcException.class)
                .hasMessageContaining("revocation endpoint")
                .hasMessageNotContaining("wrong-secret")
                .hasMessageNotContaining(refreshToken);
        assertThat(demo.issuer().isRefreshTokenActive(refreshToken)).isTrue();
    }

    @Test
    void anUnreachableIssuerIsAnOidcException() throws Exception {
        Profile profile;
        try (EmbeddedIssuer gone = EmbeddedIssuer.demo().start()) {
            Path goneCa = gone.certificateAuthority().writeCertificatePem(dir.resolve("gone-ca.pem"));
            profile = new Profile("gone", gone.issuerUrl(), DemoData.CLIENT_ID, ClientAuthentication.PUBLIC,
                    Profile.DEFAULT_SCOPES, Map.of(), "email", "groups", goneCa, null);
        }
        assertThatThrownBy(() -> client.revoke(profile, Optional.empty(), "any"))
                .isInstanceOf(OidcException.class)
                .satisfies(e -> assertThat(((OidcException) e).problem()).isEqualTo(OidcProblem.CONNECTION_FAILED));
    }
}
