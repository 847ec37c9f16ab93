package io.github.kubesignin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.profile.ApiServerSettings;
import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.SecretKeys;
import io.github.kubesignin.testing.RunningIssuer;
import io.github.kubesignin.ui.profiles.ProfilesViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ProfilesViewModelTest {
    @RegisterExtension
    static final RunningIssuer demo = RunningIssuer.demo();

    @Test
    void validationMessagesAppearNextToTheirFields(@TempDir Path home) {
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            ProfilesViewModel form = new ProfilesViewModel(fixture.inlineModel());
            form.nameProperty().set("bad name!");
            form.issuerProperty().set("http://idp.example.com");
            form.clientIdProperty().set("kube");
            form.caFileProperty().set(home.resolve("missing.pem").toString());

            assertThat(form.message(ProfilesViewModel.NAME).get()).contains("use letters, digits");
            assertThat(form.message(ProfilesViewModel.ISSUER).get()).contains("must use https");
            assertThat(form.message(ProfilesViewModel.CA_FILE).get()).contains("not found or not readable");
            assertThat(form.message(ProfilesViewModel.CLIENT_ID).get()).isEmpty();
            form.authenticationProperty().set(ClientAuthentication.BASIC);
            assertThat(form.message(ProfilesViewModel.CLIENT_SECRET).get()).contains("needs one");

            form.save();
            assertThat(form.errorProperty().get()).isNotEmpty();
            assertThat(fixture.app.profileStore().list()).isEmpty();
        }
    }

    @Test
    void discoverShowsEndpointsAndSaveStoresTheProfileAndItsSecret(@TempDir Path home) {
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            AppModel model = fixture.inlineModel();
            ProfilesViewModel form = new ProfilesViewModel(model);
            form.nameProperty().set("work");
            form.issuerProperty().set(demo.issuer().issuerUrl().toString());
            form.clientIdProperty().set(DemoData.CONFIDENTIAL_CLIENT_ID);
            form.authenticationProperty().set(ClientAuthentication.POST);
            form.clientSecretProperty().set(DemoData.CLIENT_SECRET);
            form.extraParametersProperty().set("audience=https://api, team=blue");
            form.usernameClaimProperty().set("email");
            form.caFileProperty().set(fixture.caFile.toString());

            form.discover();
            assertThat(form.errorProperty().get()).isEmpty();
            assertThat(form.discoveryProperty().get()).contains(demo.issuer().tokenEndpoint().toString()).contains("password");
            assertThat(form.discoveryWarnings()).isEmpty();

            form.save();
            assertThat(form.errorProperty().get()).isEmpty();
            assertThat(form.statusProperty().get()).contains("Saved profile 'work'");
            assertThat(form.clientSecretProperty().get()).isEmpty();
            var saved = fixture.app.profileStore().get("work");
            assertThat(saved.extraParameters()).containsEntry("audience", "https://api").containsEntry("team", "blue");
            assertThat(saved.authentication()).isEqualTo(ClientAuthentication.POST);
            assertThat(fixture.keychain.get(SecretKeys.clientSecret("work"))).contains(DemoData.CLIENT_SECRET);
            assertThat(model.selected()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("work"));

            form.remove();
            assertThat(fixture.app.profileStore().list()).isEmpty();
            assertThat(fixture.keychain.get(SecretKeys.clientSecret("work"))).isEmpty();
        }
    }

    @Test
    void savingFromTheFormKeepsTheApiServerSettingsItDoesNotShow(@TempDir Path home) {
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            ApiServerSettings apiServer = new ApiServerSettings(demo.issuer().issuerUrl(), List.of("kube"), "oidc:",
                    "oidc:", Map.of("hd", "example.com"), List.of("RS256"));
            fixture.app.profileService().save(fixture.demoProfile("work").withApiServer(apiServer), Optional.empty());
            ProfilesViewModel form = new ProfilesViewModel(fixture.inlineModel());
            form.load(fixture.app.profileStore().get("work"));

            form.scopesProperty().set("openid email");
            form.save();

            assertThat(form.errorProperty().get()).isEmpty();
            assertThat(fixture.app.profileStore().get("work").scopes()).containsExactly("openid", "email");
            assertThat(fixture.app.profileStore().get("work").apiServer()).isEqualTo(apiServer);
        }
    }

    @Test
    void discoverWarnsAboutAnIssuerThatDiffersByATrailingSlash(@TempDir Path home) {
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            ProfilesViewModel form = new ProfilesViewModel(fixture.inlineModel());
            form.load(fixture.demoProfile("demo"));
            form.issuerProperty().set(demo.issuer().issuerUrl() + "/");
            form.discover();
            assertThat(form.discoveryWarnings()).anySatisfy(w -> assertThat(w).contains(demo.issuer().issuerUrl().toString()));
        }
    }

    @Test
    void discoverWarnsWhenThePasswordGrantIsNotOffered(@TempDir Path home) {
        try (EmbeddedIssuer noPassword = EmbeddedIssuer.demo().advertisedGrantTypes(java.util.List.of("authorization_code")).start();
             UiFixture fixture = new UiFixture(home, noPassword)) {
            ProfilesViewModel form = new ProfilesViewModel(fixture.inlineModel());
            form.load(fixture.demoProfile("demo"));
            form.discover();
            assertThat(form.discoveryProperty().get()).contains("authorization_code");
            assertThat(form.discoveryWarnings()).anySatisfy(w -> assertThat(w).contains("password grant"));
        }
    }

    @Test
    void aMalformedProfilesFileIsShownNotThrown(@TempDir Path home) throws Exception {
        try (UiFixture fixture = new UiFixture(home, demo.issuer())) {
            java.nio.file.Files.createDirectories(fixture.app.profileStore().file().getParent());
            java.nio.file.Files.writeString(fixture.app.profileStore().file(), "this is = not \\u00zz a profile\n");
            AppModel model = fixture.inlineModel();
            assertThat(model.profiles()).isEmpty();
            assertThat(model.problemProperty().get()).isNotEmpty();
        }
    }
}
