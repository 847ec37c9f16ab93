package io.github.kubesignin.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    @TempDir
    Path dir;

    static Profile profile(String name) {
        return new Profile(name, URI.create("https://idp.example.com/realms/kube"), "kube", ClientAuthentication.POST,
                List.of("openid", "email", "offline_access"), Map.of("audience", "https://api=x"), "email", "groups",
                Path.of("/etc/ssl/idp.pem"), "alice", new ClusterSettings(Path.of("/home/a/.kube/config"), "exec",
                name + "-user", name, "https://k8s.example.com:6443", null, "LS0tLS1CRUdJTg=="));
    }

    @Test
    void savesAndReadsBackEverySetting() throws Exception {
        ProfileStore store = new ProfileStore(dir.resolve("conf/kubesignin/profiles.properties"));
        store.save(profile("prod"));
        store.save(profile("dev"));

        assertThat(store.list()).extracting(Profile::name).containsExactly("prod", "dev");
        assertThat(store.get("prod")).isEqualTo(profile("prod"));
        assertThat(Files.getPosixFilePermissions(store.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(store.file().getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void keepsTheApiServerSettingsAndTheDefaultsWhenAbsent() {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.properties"));
        ApiServerSettings apiServer = new ApiServerSettings(URI.create("https://idp.example.com/realms/kube/"),
                List.of("kube", "account"), "-", "oidc:", Map.of("tenant", "acme", "hd", "example.com"), List.of("RS256", "ES256"));
        store.save(profile("prod").withApiServer(apiServer));
        store.save(profile("dev"));

        assertThat(store.get("prod").apiServer()).isEqualTo(apiServer);
        assertThat(store.get("dev").apiServer()).isEqualTo(ApiServerSettings.NONE);
    }

    @Test
    void replacesAndRemoves() {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.properties"));
        store.save(profile("prod"));
        Profile changed = new Profile("prod", URI.create("https://other"), "c", ClientAuthentication.PUBLIC,
                Profile.DEFAULT_SCOPES, Map.of(), null, "", null, null);
        store.save(changed);
        assertThat(store.get("prod")).isEqualTo(changed);
        assertThat(store.get("prod").usernameClaim()).isEqualTo("sub");
        assertThat(store.remove("prod")).isTrue();
        assertThat(store.remove("prod")).isFalse();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void unknownNamesListTheExistingOnes() {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.properties"));
        assertThatThrownBy(() -> store.get("x")).hasMessageContaining("there are no profiles yet");
        store.save(profile("prod"));
        store.save(profile("dev"));
        assertThatThrownBy(() -> store.get("staging")).isInstanceOf(UnknownProfileException.class)
                .hasMessage("no profile named 'staging'; existing profiles: prod, dev");
    }

    @Test
    void refusesAMalformedFileWithTheLineAndChangesNothing() throws Exception {
        Path file = dir.resolve("profiles.properties");
        String broken = "# mine\nprod.issuer=https://idp\nthis line is wrong\n";
        Files.writeString(file, broken);
        ProfileStore store = new ProfileStore(file);

        assertThatThrownBy(store::list).isInstanceOf(MalformedProfileFileException.class)
                .hasMessageContaining("profiles.properties:3: expected NAME.SETTING=value");
        assertThatThrownBy(() -> store.save(profile("dev"))).isInstanceOf(MalformedProfileFileException.class);
        assertThat(Files.readString(file)).isEqualTo(broken);
    }

    @Test
    void refusesAProfileWithoutIssuer() throws Exception {
        Path file = dir.resolve("profiles.properties");
        Files.writeString(file, "prod.client-id=kube\n");
        assertThatThrownBy(() -> new ProfileStore(file).list()).hasMessageContaining(":1: profile 'prod' lacks issuer");
    }
}
