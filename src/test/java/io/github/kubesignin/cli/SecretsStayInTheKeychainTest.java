package io.github.kubesignin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the commands a person would, successes and failures, then scans every file in the home directory and
 * everything printed for each secret used: passwords, the client secret and whatever the keychain holds.
 */
class SecretsStayInTheKeychainTest {
    @TempDir
    Path home;

    @Test
    void noSecretReachesAFileOrTheOutput() throws Exception {
        CliHarness cli = new CliHarness(home);
        List<String> secrets = new ArrayList<>(List.of(DemoData.PASSWORD, DemoData.UNVERIFIED_PASSWORD, DemoData.CLIENT_SECRET, "a-wrong-password"));
        List<String> everyValueStored = new ArrayList<>();
        cli.secrets = () -> new io.github.kubesignin.secret.SecretStore() {
            @Override
            public java.util.Optional<String> get(String key) {
                return cli.keychain.get(key);
            }

            @Override
            public void put(String key, String secret) {
                everyValueStored.add(secret); // rotated-out refresh tokens must not leak either
                cli.keychain.put(key, secret);
            }

            @Override
            public void delete(String key) {
                cli.keychain.delete(key);
            }
        };
        try (EmbeddedIssuer issuer = EmbeddedIssuer.demo().rotateRefreshTokens(true).start()) {
            Path ca = issuer.certificateAuthority().writeCertificatePem(home.resolve("ca.pem"));
            String url = issuer.issuerUrl().toString();
            cli.runWithStdin(DemoData.CLIENT_SECRET + "\n", "profile", "add", "conf", "--issuer", url, "--client-id",
                    DemoData.CONFIDENTIAL_CLIENT_ID, "--client-secret-stdin", "--ca-file", ca.toString(), "--username", DemoData.USER);
            cli.run("profile", "add", "pub", "--issuer", url, "--client-id", DemoData.CLIENT_ID, "--public", "--ca-file", ca.toString());
            cli.runWithStdin(DemoData.PASSWORD + "\n", "login", "--profile", "conf", "--password-stdin");
            cli.runWithStdin("a-wrong-password\n", "login", "--profile", "conf", "--password-stdin", "--verbose");
            cli.runWithStdin(DemoData.UNVERIFIED_PASSWORD + "\n", "login", "--profile", "pub", "--username", DemoData.UNVERIFIED_USER, "--password-stdin");
            cli.run("profile", "show", "conf", "--json");
            cli.run("profile", "list", "--json");
            cli.run("profile", "discover", "conf");
            cli.run("kubeconfig", "write", "--profile", "conf", "--server", "https://127.0.0.1:6443", "--set-current");
            cli.run("kubeconfig", "write", "--profile", "conf", "--mode", "auth-provider", "--dry-run");
            cli.run("get-token", "--profile", "conf");
            cli.clock = java.time.Clock.offset(java.time.Clock.systemDefaultZone(), java.time.Duration.ofMinutes(10));
            cli.run("get-token", "--profile", "conf"); // refreshes, rotating the refresh token
            cli.run("get-token", "--profile", "conf", "--verbose");
            cli.run("logout", "--all");
            cli.run("get-token", "--profile", "conf");
        }
        assertThat(everyValueStored).hasSizeGreaterThanOrEqualTo(3);
        secrets.addAll(everyValueStored);

        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(file);
                secrets.stream().filter(content::contains).forEach(s -> leaks.add(file + " holds a secret of " + s.length() + " chars"));
            }
        }
        for (String printed : cli.everythingPrinted) {
            secrets.stream().filter(printed::contains).forEach(s -> leaks.add("the output holds a secret of " + s.length() + " chars"));
        }
        assertThat(cli.everythingPrinted).isNotEmpty();
        assertThat(leaks).isEmpty();
    }
}
