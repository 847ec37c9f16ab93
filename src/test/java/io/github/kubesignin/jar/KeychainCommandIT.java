package io.github.kubesignin.jar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.profile.SecretKeys;
import io.github.kubesignin.secret.KeychainAvailability;
import io.github.kubesignin.secret.KeyringSecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar with the real OS keychain (gnome-keyring over D-Bus under {@code .ci/with-keyring}): a confidential
 * profile's secret goes to the keychain and nowhere else, login reads it from there, and remove deletes it.
 */
class KeychainCommandIT {
    @TempDir
    Path home;

    private int run(String stdin, StringBuilder output, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JarIT.JAVA, "-jar", JarIT.JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("XDG_CONFIG_HOME");
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes());
        process.getOutputStream().close();
        output.append(new String(process.getInputStream().readAllBytes()));
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    @Test
    void aConfidentialProfileKeepsItsSecretInTheKeychainOnly() throws Exception {
        KeychainAvailability availability = KeychainAvailability.check();
        assumeTrue(availability.available(), availability.problem());
        String profile = "it-" + UUID.randomUUID().toString().substring(0, 8);
        try (EmbeddedIssuer issuer = EmbeddedIssuer.demo().start();
             KeyringSecretStore keychain = new KeyringSecretStore()) {
            Path ca = issuer.certificateAuthority().writeCertificatePem(home.resolve("ca.pem"));
            StringBuilder output = new StringBuilder();

            assertThat(run(DemoData.CLIENT_SECRET + "\n", output, "profile", "add", profile, "--issuer", issuer.issuerUrl().toString(),
                    "--client-id", DemoData.CONFIDENTIAL_CLIENT_ID, "--client-secret-stdin", "--ca-file", ca.toString()))
                    .as(output.toString()).isZero();
            assertThat(keychain.get(SecretKeys.clientSecret(profile))).hasValue(DemoData.CLIENT_SECRET);

            assertThat(run(DemoData.PASSWORD + "\n", output, "login", "--profile", profile, "--username", DemoData.USER,
                    "--password-stdin")).as(output.toString()).isZero();
            assertThat(output).contains("Signed in to '" + profile + "' as");

            try (Stream<Path> files = Files.walk(home)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file)).as(file.toString()).doesNotContain(DemoData.CLIENT_SECRET).doesNotContain(DemoData.PASSWORD);
                }
            }
            assertThat(output).doesNotContain(DemoData.CLIENT_SECRET).doesNotContain(DemoData.PASSWORD);

            assertThat(run("", output, "profile", "remove", profile)).as(output.toString()).isZero();
            assertThat(keychain.get(SecretKeys.clientSecret(profile))).isEmpty();
        }
    }
}
