package io.github.kubesignin.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-in method and redirect port: stored only when set, read back, validated, refused with the line when malformed. */
class SignInSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aPasswordProfileWritesNoSignInLinesAndReadsBackAsPassword() throws Exception {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.properties"));
        store.save(ProfileStoreTest.profile("prod"));
        assertThat(Files.readString(store.file())).doesNotContain("sign-in", "redirect-port");
        assertThat(store.get("prod").signIn()).isEqualTo(SignInSettings.DEFAULT);
    }

    @Test
    void browserWithAFixedPortAndDeviceRoundTrip() throws Exception {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.properties"));
        Profile browser = ProfileStoreTest.profile("web").withSignIn(new SignInSettings(SignInMethod.BROWSER, 8000));
        Profile device = ProfileStoreTest.profile("tv").withSignIn(SignInSettings.of(SignInMethod.DEVICE));
        store.save(browser);
        store.save(device);

        assertThat(Files.readString(store.file())).contains("web.sign-in=browser\nweb.redirect-port=8000\n", "tv.sign-in=device\n")
                .doesNotContain("tv.redirect-port");
        assertThat(store.get("web")).isEqualTo(browser);
        assertThat(store.get("tv")).isEqualTo(device);
        assertThat(store.get("web").withUsername("bob").signIn()).isEqualTo(browser.signIn()); // the with… copies keep it
    }

    @Test
    void aMalformedMethodOrPortIsRefusedWithItsLine() throws Exception {
        Path file = dir.resolve("profiles.properties");
        Files.writeString(file, "p.issuer=https://idp.example.com\np.client-id=k\np.sign-in=carrier-pigeon\n");
        assertThatThrownBy(() -> new ProfileStore(file).list()).isInstanceOf(MalformedProfileFileException.class)
                .hasMessageContaining(":1: profile 'p': unknown sign-in method 'carrier-pigeon'");
        Files.writeString(file, "p.issuer=https://idp.example.com\np.client-id=k\np.sign-in=browser\np.redirect-port=http\n");
        assertThatThrownBy(() -> new ProfileStore(file).list()).isInstanceOf(MalformedProfileFileException.class)
                .hasMessageContaining("redirect-port 'http' is not a port number (1-65535)");
    }

    @Test
    void theValidatorChecksThePort() {
        Profile p = ProfileStoreTest.profile("p"); // its CA file does not exist here: only the port sentences matter
        Profile base = new Profile(p.name(), p.issuer(), p.clientId(), p.authentication(), p.scopes(), p.extraParameters(),
                p.usernameClaim(), p.groupsClaim(), null, p.username());
        assertThat(ProfileValidator.validate(base.withSignIn(new SignInSettings(SignInMethod.BROWSER, 8000))).ok()).isTrue();
        assertThat(ProfileValidator.validate(base.withSignIn(new SignInSettings(SignInMethod.BROWSER, 443))).errors())
                .containsExactly("redirect port 443: ports below 1024 need administrator rights; pick one from 1024 to 65535");
        assertThat(ProfileValidator.validate(base.withSignIn(new SignInSettings(SignInMethod.BROWSER, 65536))).errors())
                .containsExactly("redirect port 65536: must be between 1 and 65535 (or none, for any free port)");
        assertThat(ProfileValidator.validate(base.withSignIn(new SignInSettings(SignInMethod.DEVICE, 8000))).warnings())
                .containsExactly("redirect port 8000: used only by the browser sign-in, not by device");
    }

    @Test
    void methodsByWord() {
        assertThat(SignInMethod.fromWord("Browser")).isEqualTo(SignInMethod.BROWSER);
        assertThatThrownBy(() -> SignInMethod.fromWord("sms")).hasMessage("unknown sign-in method 'sms' (expected password, browser or device)");
    }
}
