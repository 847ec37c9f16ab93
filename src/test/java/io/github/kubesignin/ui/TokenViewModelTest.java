package io.github.kubesignin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.oidc.SignatureCheck;
import io.github.kubesignin.testing.RunningIssuer;
import io.github.kubesignin.token.ClaimRow;
import io.github.kubesignin.ui.token.TokenViewModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TokenViewModelTest {
    @RegisterExtension
    static final RunningIssuer demo = RunningIssuer.demo();

    /** Changes one character in the middle of the signature, as a tampered token would. */
    static String tamper(String jwt) {
        int at = jwt.lastIndexOf('.') + 10;
        char replacement = jwt.charAt(at) == 'A' ? 'B' : 'A';
        return jwt.substring(0, at) + replacement + jwt.substring(at + 1);
    }

    @Test
    void theCurrentTokenShowsClaimsAValidSignatureAndTheClusterVerdict(@TempDir Path home) {
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            var profile = fixture.saveDemoProfile("demo");
            fixture.app.sessions().login(profile, DemoData.USER, DemoData.PASSWORD.toCharArray(), false);
            AppModel model = fixture.inlineModel();
            model.select("demo");
            TokenViewModel inspector = new TokenViewModel(model);

            inspector.loadCurrentToken();

            assertThat(inspector.errorProperty().get()).isEmpty();
            assertThat(inspector.claims()).extracting(ClaimRow::name).contains("iss", "aud", "exp", "email");
            assertThat(inspector.claims()).filteredOn(row -> row.name().equals("exp"))
                    .singleElement().satisfies(row -> assertThat(row.meaning()).startsWith("expires "));
            assertThat(inspector.headerProperty().get()).contains("RS256");
            assertThat(inspector.rawJsonProperty().get()).contains(DemoData.EMAIL);
            assertThat(inspector.signatureVerdictProperty().get()).isEqualTo(SignatureCheck.Verdict.VALID);
            assertThat(inspector.clusterAcceptsProperty().get()).isTrue();
            assertThat(inspector.clusterProperty().get()).contains(DemoData.EMAIL);

            inspector.tokenProperty().set(tamper(inspector.tokenProperty().get()));
            inspector.inspect();
            assertThat(inspector.signatureVerdictProperty().get()).isEqualTo(SignatureCheck.Verdict.INVALID);
            assertThat(inspector.signatureProperty().get()).startsWith("INVALID");
        }
    }

    @Test
    void withoutASessionTheInspectorSaysWhy(@TempDir Path home) {
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            fixture.saveDemoProfile("demo");
            AppModel model = fixture.inlineModel();
            model.select("demo");
            TokenViewModel inspector = new TokenViewModel(model);
            inspector.loadCurrentToken();
            assertThat(inspector.errorProperty().get()).startsWith("profile 'demo' needs a new sign-in");
            assertThat(inspector.claims()).isEmpty();
        }
    }

    @Test
    void aPastedTokenWithoutAProfileIsDecodedButNotChecked(@TempDir Path home) {
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            TokenViewModel inspector = new TokenViewModel(fixture.inlineModel());
            inspector.tokenProperty().set(demo.issuer().signIdToken(demo.issuer().idTokenClaims(DemoData.UNVERIFIED_USER, DemoData.CLIENT_ID)));
            inspector.inspect();
            assertThat(inspector.claims()).extracting(ClaimRow::name).contains("email_verified");
            assertThat(inspector.signatureVerdictProperty().get()).isEqualTo(SignatureCheck.Verdict.NOT_CHECKED);

            inspector.tokenProperty().set("not-a-token");
            inspector.inspect();
            assertThat(inspector.errorProperty().get()).contains("not a JWT");
            assertThat(inspector.claims()).isEmpty();
        }
    }

    @Test
    void anUnverifiedEmailIsExplainedAsTheClusterWouldRejectIt(@TempDir Path home) {
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            fixture.saveDemoProfile("demo");
            AppModel model = fixture.inlineModel();
            model.select("demo");
            TokenViewModel inspector = new TokenViewModel(model);
            inspector.tokenProperty().set(demo.issuer().signIdToken(demo.issuer().idTokenClaims(DemoData.UNVERIFIED_USER, DemoData.CLIENT_ID)));
            inspector.inspect();
            assertThat(inspector.clusterAcceptsProperty().get()).isFalse();
            assertThat(inspector.clusterProperty().get()).contains("email not verified");
        }
    }
}
