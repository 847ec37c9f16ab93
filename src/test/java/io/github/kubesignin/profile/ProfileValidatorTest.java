package io.github.kubesignin.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileValidatorTest {
    @TempDir
    Path dir;

    private static Profile withIssuer(String issuer) {
        return new Profile("p", URI.create(issuer), "kube", ClientAuthentication.PUBLIC, Profile.DEFAULT_SCOPES, Map.of(),
                null, null, null, null);
    }

    @Test
    void acceptsHttps() {
        assertThat(ProfileValidator.validate(withIssuer("https://idp.example.com/realms/kube"))).isEqualTo(
                new ProfileValidator.Result(List.of(), List.of()));
    }

    @Test
    void allowsPlainHttpOnlyOnLoopbackWithAWarning() {
        var loopback = ProfileValidator.validate(withIssuer("http://127.0.0.1:8080/realms/kube"));
        assertThat(loopback.ok()).isTrue();
        assertThat(loopback.warnings()).singleElement().asString().contains("plain http", "loopback");
        assertThat(ProfileValidator.validate(withIssuer("http://localhost:8080")).ok()).isTrue();
        assertThat(ProfileValidator.validate(withIssuer("http://[::1]:8080")).ok()).isTrue();
        assertThat(ProfileValidator.validate(withIssuer("http://idp.example.com")).errors())
                .singleElement().asString().contains("must use https");
    }

    @Test
    void refusesRelativeIssuersEmptyClientIdsAndBadNames() {
        assertThat(ProfileValidator.validate(withIssuer("idp.example.com")).errors()).singleElement().asString().contains("absolute URL");
        Profile p = new Profile("bad name", URI.create("https://x"), " ", ClientAuthentication.PUBLIC, List.of("email"),
                Map.of(), null, null, null, null);
        var result = ProfileValidator.validate(p);
        assertThat(result.errors()).hasSize(2).anyMatch(e -> e.contains("profile name")).anyMatch(e -> e.contains("client id"));
        assertThat(result.warnings()).singleElement().asString().contains("'openid' is missing");
    }

    @Test
    void checksTheCaFile() throws Exception {
        assertThat(ProfileValidator.checkCaFile(dir.resolve("missing.pem"))).hasValueSatisfying(m -> assertThat(m).contains("not found"));
        Path notPem = Files.writeString(dir.resolve("x.pem"), "hello");
        assertThat(ProfileValidator.checkCaFile(notPem)).hasValueSatisfying(m -> assertThat(m).contains("no BEGIN CERTIFICATE"));
        Path garbage = Files.writeString(dir.resolve("g.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThat(ProfileValidator.checkCaFile(garbage)).hasValueSatisfying(m -> assertThat(m).contains("not a readable PEM"));
    }
}
