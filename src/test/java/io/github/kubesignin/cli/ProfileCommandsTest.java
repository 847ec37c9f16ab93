package io.github.kubesignin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.json.Json;
import io.github.kubesignin.profile.SecretKeys;
import io.github.kubesignin.reminder.ReminderSettings;
import io.github.kubesignin.reminder.ReminderSettingsStore;
import io.github.kubesignin.secret.SecretStoreUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandsTest {
    @TempDir
    Path home;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(home);
    }

    private Path profilesFile() {
        return home.resolve(".config/kubesignin/profiles.properties");
    }

    @Test
    void addingAgainKeepsTheTrayReminderSettingsAndRemovingForgetsThem() throws Exception {
        ReminderSettingsStore reminders = ReminderSettingsStore.inConfigDirectory(home.resolve(".config/kubesignin"));
        String[] add = {"profile", "add", "dev", "--issuer", "https://dev.example.com", "--client-id", "kube-dev", "--public"};
        assertThat(cli.run(add).exitCode()).isZero();
        ReminderSettings chosen = new ReminderSettings(Duration.ofMinutes(15), true);
        reminders.save("dev", chosen);

        assertThat(cli.run(add).exitCode()).isZero(); // e.g. to change a setting
        assertThat(reminders.settings("dev")).isEqualTo(chosen);

        assertThat(cli.run("profile", "remove", "dev").exitCode()).isZero();
        assertThat(reminders.settings("dev")).isEqualTo(ReminderSettings.DEFAULT);
        assertThat(Files.readString(home.resolve(".config/kubesignin/reminders.properties"))).doesNotContain("dev.");
    }

    @Test
    void addListShowRemove() throws Exception {
        CliHarness.Result added = cli.runWithStdin("s3cr3t-value\n", "profile", "add", "prod", "--issuer", "https://idp.example.com/realms/kube",
                "--client-id", "kube", "--client-secret-stdin", "--auth-method", "post", "--scopes", "openid email groups",
                "--param", "audience=https://kube", "--username-claim", "email", "--groups-claim", "roles", "--username", "alice");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("Saved profile 'prod'", "client secret is in the OS keychain");
        assertThat(cli.keychain.get(SecretKeys.clientSecret("prod"))).hasValue("s3cr3t-value");
        assertThat(Files.readString(profilesFile())).contains("prod.issuer=https://idp.example.com/realms/kube").doesNotContain("s3cr3t");

        cli.run("profile", "add", "dev", "--issuer", "https://dev.example.com", "--client-id", "kube-dev", "--public");

        CliHarness.Result list = cli.run("profile", "list");
        assertThat(list.out().lines().toList()).hasSize(3).first().asString().startsWith("NAME");
        assertThat(list.out()).contains("prod", "https://idp.example.com/realms/kube", "post", "dev", "public");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) Json.parse(cli.run("profile", "list", "--json").out());
        assertThat(listed).extracting(m -> m.get("name")).containsExactly("prod", "dev");

        Map<String, Object> shown = Json.parseObject(cli.run("profile", "show", "prod", "--json").out());
        assertThat(shown).containsEntry("clientAuthentication", "post").containsEntry("usernameClaim", "email")
                .containsEntry("groupsClaim", "roles").containsEntry("username", "alice")
                .containsEntry("scopes", List.of("openid", "email", "groups"))
                .containsEntry("extraParameters", Map.of("audience", "https://kube"));
        assertThat(cli.run("profile", "show", "prod").out()).contains("issuer:", "https://idp.example.com/realms/kube").doesNotContain("s3cr3t");

        cli.keychain.put(SecretKeys.refreshToken("prod"), "rt");
        assertThat(cli.run("profile", "remove", "prod").exitCode()).isZero();
        assertThat(cli.keychain.keys()).isEmpty();
        assertThat(cli.run("profile", "list").out()).doesNotContain("prod");
    }

    @Test
    void validationErrorsSaveNothing() {
        CliHarness.Result result = cli.run("profile", "add", "prod", "--issuer", "http://idp.example.com", "--client-id", "", "--public");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("the profile was not saved", "must use https", "client id: must not be empty");
        assertThat(profilesFile()).doesNotExist();

        CliHarness.Result badCa = cli.run("profile", "add", "prod", "--issuer", "https://idp", "--client-id", "k", "--public",
                "--ca-file", home.resolve("nope.pem").toString());
        assertThat(badCa.err()).contains("CA file", "not found or not readable");
        assertThat(profilesFile()).doesNotExist();
    }

    @Test
    void loopbackHttpIsAcceptedWithAWarning() {
        CliHarness.Result result = cli.run("profile", "add", "local", "--issuer", "http://127.0.0.1:8080", "--client-id", "k", "--public");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("warning:", "plain http");
    }

    @Test
    void aConfidentialClientNeedsASecret() {
        CliHarness.Result result = cli.run("profile", "add", "prod", "--issuer", "https://idp", "--client-id", "k", "--auth-method", "basic");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("needs one; give it with --client-secret-stdin");
        assertThat(cli.run("profile", "add", "p", "--issuer", "https://idp", "--client-id", "k", "--public", "--client-secret-stdin").err())
                .contains("--public cannot go with --client-secret-stdin");
    }

    @Test
    void withoutAKeychainNothingIsSavedAndTheMessageSaysWhatToDo() {
        cli.secrets = () -> {
            throw new SecretStoreUnavailableException("no D-Bus session bus: start a desktop session or run under dbus-run-session");
        };
        CliHarness.Result result = cli.runWithStdin("secret\n", "profile", "add", "prod", "--issuer", "https://idp",
                "--client-id", "k", "--client-secret-stdin");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("kubesignin: the OS keychain is unavailable: no D-Bus session bus: start a desktop session or run under dbus-run-session\n");
        assertThat(profilesFile()).doesNotExist();

        // a public profile never needs the keychain
        assertThat(cli.run("profile", "add", "pub", "--issuer", "https://idp", "--client-id", "k", "--public").exitCode()).isZero();
    }

    @Test
    void aMalformedProfilesFileIsReportedWithItsLine() throws Exception {
        Files.createDirectories(profilesFile().getParent());
        Files.writeString(profilesFile(), "prod.issuer=https://idp\nprod.client-id=k\ngarbage\n");
        CliHarness.Result result = cli.run("profile", "list");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("profiles.properties:3: expected NAME.SETTING=value; the file was left unchanged");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(cli.run("profile", "add").exitCode()).isEqualTo(2);
        assertThat(cli.run("no-such-command").exitCode()).isEqualTo(2);
        assertThat(cli.run("--version").out()).startsWith("kubesignin ");
    }
}
