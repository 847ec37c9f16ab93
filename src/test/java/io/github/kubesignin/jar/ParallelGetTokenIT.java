package io.github.kubesignin.jar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.secret.KeychainAvailability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty kubectl commands starting together with an expired token: twenty {@code get-token} processes of the packaged
 * jar, the refresh token in the real OS keychain, an issuer that rotates refresh tokens. All must succeed with the
 * same new token, and the issuer must see exactly one refresh.
 */
class ParallelGetTokenIT {
    @TempDir
    Path home;

    private ProcessBuilder jar(String... args) {
        List<String> command = new ArrayList<>(List.of(JarIT.JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
                "-jar", JarIT.JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("XDG_CONFIG_HOME");
        builder.environment().remove("XDG_CACHE_HOME");
        return builder;
    }

    private static String finish(Process process) throws Exception {
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    private String run(String stdin, String... args) throws Exception {
        Process process = jar(args).redirectErrorStream(true).start();
        process.getOutputStream().write(stdin.getBytes());
        process.getOutputStream().close();
        return finish(process);
    }

    @Test
    void twentyProcessesRefreshOnce() throws Exception {
        KeychainAvailability availability = KeychainAvailability.check();
        assumeTrue(availability.available(), availability.problem());
        String profile = "par-" + UUID.randomUUID().toString().substring(0, 8);
        try (EmbeddedIssuer issuer = EmbeddedIssuer.demo().rotateRefreshTokens(true).start()) {
            Path ca = issuer.certificateAuthority().writeCertificatePem(home.resolve("ca.pem"));
            run("", "profile", "add", profile, "--issuer", issuer.issuerUrl().toString(), "--client-id", DemoData.CLIENT_ID,
                    "--public", "--ca-file", ca.toString(), "--username", DemoData.USER);
            String login = run(DemoData.PASSWORD + "\n", "login", "--profile", profile, "--password-stdin");
            assertThat(login).contains("with the refresh token in the OS keychain");
            try {
                Path cache = home.resolve(".cache/kubesignin/" + profile + ".json");
                Files.writeString(cache, Files.readString(cache).replaceAll("\"expiresAt\":\\d+", "\"expiresAt\":1"));
                Files.delete(home.resolve(".cache/kubesignin/" + profile + ".exec-credential.json"));

                List<Process> processes = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    processes.add(jar("get-token", "--profile", profile).redirectError(ProcessBuilder.Redirect.DISCARD).start());
                }
                Set<String> credentials = new HashSet<>();
                for (Process process : processes) {
                    credentials.add(finish(process));
                }

                assertThat(credentials).singleElement().asString().startsWith("{\"kind\":\"ExecCredential\"");
                assertThat(issuer.tokenRequests("refresh_token")).isEqualTo(1);
            } finally {
                run("", "logout", "--profile", profile);
            }
        }
    }
}
