package io.github.kubesignin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.json.Json;
import io.github.kubesignin.testing.RunningIssuer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @RegisterExtension
    static final RunningIssuer demo = RunningIssuer.demo();

    @TempDir
    Path home;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(home);
        cli.run("profile", "add", "demo", "--issuer", demo.issuer().issuerUrl().toString(), "--client-id", DemoData.CLIENT_ID,
                "--public", "--ca-file", demo.caFile().toString(), "--username-claim", "email");
    }

    private String token(boolean verified) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", demo.issuer().issuerUrl().toString());
        claims.put("sub", "u-1");
        claims.put("aud", DemoData.CLIENT_ID);
        claims.put("exp", now.plusSeconds(300).getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("email", "alice@example.com");
        claims.put("email_verified", verified);
        claims.put("groups", List.of("developers"));
        return demo.issuer().signIdToken(claims);
    }

    @Test
    void showsHeaderClaimsSignatureAndTheClusterVerdict() {
        CliHarness.Result result = cli.run("inspect", token(true));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Header", "RS256", "Claims", "exp", "expires ", ", in 4m 5", "group memberships")
                .contains("Signature: valid — signed with RS256")
                .contains("would have it accepted as user `alice@example.com` in groups `[developers]`");
    }

    @Test
    void readsTheTokenFromStdinAndPrintsJson() {
        CliHarness.Result result = cli.runWithStdin(token(false) + "\n", "inspect", "--json", "-");
        assertThat(result.exitCode()).isZero();
        Map<String, Object> json = Json.parseObject(result.out());
        assertThat(json).containsKeys("header", "claims", "claimMeanings", "signature", "cluster");
        assertThat(json.get("signature")).asString().contains("verdict=valid");
        assertThat(json.get("cluster")).asString().contains("accepted=false");
        assertThat(json.get("cluster").toString()).contains("email not verified");
    }

    @Test
    void aTamperedByteIsAnInvalidSignature() {
        String good = token(true);
        String[] parts = good.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("alice@", "mallory@");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "." + parts[2];
        CliHarness.Result result = cli.run("inspect", tampered);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("Signature: invalid — the signature does not match the issuer's key");
    }

    @Test
    void malformedInputGetsOneLineAndExitOne() {
        CliHarness.Result result = cli.run("inspect", "not-a-token");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("kubesignin: not a JWT: expected 3 parts separated by dots, found 1\n");
    }

    @Test
    void anUnknownIssuerIsNotChecked() {
        String foreign = token(true).replace("x", "x"); // same token, but inspected without any matching profile
        cli.run("profile", "remove", "demo");
        CliHarness.Result result = cli.run("inspect", "--no-verify", foreign);
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Signature: not checked — not checked (--no-verify)");
    }
}
