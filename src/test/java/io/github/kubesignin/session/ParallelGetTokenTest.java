package io.github.kubesignin.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.oidc.HttpSettings;
import io.github.kubesignin.oidc.OidcClient;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.ProfileStore;
import io.github.kubesignin.profile.SecretKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty kubectl processes that start together with an expired token: each runs {@link GetTokenChildMain} in its own
 * JVM over the same cache directory and keychain double. The issuer rotates refresh tokens, so a second refresh with
 * the old token would fail: exactly one refresh must happen and everyone must get its result.
 */
class ParallelGetTokenTest {
    static final int PROCESSES = 20;

    static EmbeddedIssuer issuer;
    @TempDir
    static Path home;
    static Path profilesFile;
    static Path cacheDir;
    static Path secretsFile;

    @BeforeAll
    static void signIn() throws Exception {
        issuer = EmbeddedIssuer.demo().rotateRefreshTokens(true).idTokenLifetime(Duration.ofHours(1)).start();
        Path ca = issuer.certificateAuthority().writeCertificatePem(home.resolve("ca.pem"));
        profilesFile = home.resolve("config/kubesignin/profiles.properties");
        cacheDir = home.resolve("cache/kubesignin");
        secretsFile = home.resolve("keychain.properties");
        ProfileStore profiles = new ProfileStore(profilesFile);
        Profile profile = SessionServiceTest.profile("demo", issuer, ca);
        profiles.save(profile);
        new SessionService(profiles, () -> new FileSecretStore(secretsFile), () -> new OidcClient(HttpSettings.DEFAULT),
                new TokenCache(cacheDir), Clock.systemUTC(), cacheDir)
                .login(profile, DemoData.USER, DemoData.PASSWORD.toCharArray(), false);
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void twentyProcessesWithAnExpiredTokenRefreshOnce() throws Exception {
        TokenCache cache = new TokenCache(cacheDir);
        CachedToken expired = new CachedToken(cache.read("demo").orElseThrow().idToken(), java.time.Instant.now().minusSeconds(5));
        cache.write("demo", expired);
        String oldRefreshToken = new FileSecretStore(secretsFile).get(SecretKeys.refreshToken("demo")).orElseThrow();
        int refreshesBefore = issuer.tokenRequests("refresh_token");

        long start = System.nanoTime();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(startChild());
        }
        List<Map<String, String>> outputs = new ArrayList<>();
        for (Process process : processes) {
            outputs.add(finish(process));
        }
        long wallMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(outputs).allSatisfy(out -> assertThat(out).containsKey("token").containsEntry("exit", "0"));
        assertThat(outputs).extracting(out -> out.get("token")).containsOnly(outputs.get(0).get("token"));
        assertThat(outputs).extracting(out -> out.get("expiry")).doesNotContain(expired.expiry().toString());
        assertThat(issuer.tokenRequests("refresh_token") - refreshesBefore).isEqualTo(1);
        String newRefreshToken = new FileSecretStore(secretsFile).get(SecretKeys.refreshToken("demo")).orElseThrow();
        assertThat(issuer.isRefreshTokenActive(oldRefreshToken)).isFalse();
        assertThat(issuer.isRefreshTokenActive(newRefreshToken)).isTrue();
        assertThat(cache.read("demo").orElseThrow().idToken()).isEqualTo(outputs.get(0).get("token"));
        System.out.printf("%d parallel get-token processes: %d ms wall; time in currentToken per process (ms): %s%n",
                PROCESSES, wallMillis, outputs.stream().map(out -> Long.parseLong(out.get("millis"))).sorted().toList());
    }

    @Test
    void aFreshJvmWithAValidCacheAnswersWithoutRefreshing() throws Exception {
        int refreshes = issuer.tokenRequests("refresh_token");
        int passwords = issuer.tokenRequests("password");
        new TokenCache(cacheDir).write("demo", new CachedToken(
                new TokenCache(cacheDir).read("demo").orElseThrow().idToken(), java.time.Instant.now().plusSeconds(600)));
        long start = System.nanoTime();
        Map<String, String> out = finish(startChild());
        long wallMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(out).containsKey("token");
        assertThat(issuer.tokenRequests("refresh_token")).isEqualTo(refreshes);
        assertThat(issuer.tokenRequests("password")).isEqualTo(passwords);
        System.out.printf("get-token in a fresh JVM with a valid cache: %d ms wall, %s ms in currentToken%n",
                wallMillis, out.get("millis"));
    }

    private static Process startChild() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), GetTokenChildMain.class.getName(),
                profilesFile.toString(), cacheDir.toString(), secretsFile.toString(), "demo")
                .redirectErrorStream(true)
                .start();
    }

    /** Waits up to 60 s and returns the child's key=value lines; a hang is killed and fails the test. */
    private static Map<String, String> finish(Process process) throws Exception {
        byte[] bytes = process.getInputStream().readAllBytes(); // small output: reading to the end cannot block writes
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("a get-token process hung");
        }
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            lines.put(eq < 0 ? "output" : line.substring(0, eq), eq < 0 ? line : line.substring(eq + 1));
        }
        lines.put("exit", String.valueOf(process.exitValue()));
        return lines;
    }
}
