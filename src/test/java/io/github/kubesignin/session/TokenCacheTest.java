package io.github.kubesignin.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kubesignin.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCacheTest {
    private static final CachedToken TOKEN = new CachedToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln",
            Instant.parse("2026-12-04T10:15:30.250Z"));

    @TempDir
    Path home;

    private TokenCache cache() {
        return new TokenCache(home.resolve("cache/kubesignin"));
    }

    @Test
    void readsWhatWasWritten() {
        TokenCache cache = cache();
        cache.write("demo", TOKEN);

        Optional<CachedToken> read = cache.read("demo");

        assertThat(read).contains(new CachedToken(TOKEN.idToken(), Instant.parse("2026-12-04T10:15:30Z")));
        assertThat(cache.read("other")).isEmpty();
    }

    @Test
    void directoryIsOwnerOnlyAndFilesToo() throws Exception {
        TokenCache cache = cache();
        Files.createDirectories(cache.directory());
        Files.setPosixFilePermissions(cache.directory(), PosixFilePermissions.fromString("rwxr-xr-x"));

        cache.write("demo", TOKEN);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.directory()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.tokenFile("demo")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.execCredentialFile("demo")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.launcherDeadlineFile("demo")))).isEqualTo("rw-------");
        try (var files = Files.list(cache.directory())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("demo.json", "demo.exec-credential.json", "demo.exec-credential.until");
        }
    }

    @Test
    void writesTheReadyToPrintExecCredential() throws Exception {
        TokenCache cache = cache();
        cache.write("demo", TOKEN);

        String text = Files.readString(cache.execCredentialFile("demo"));

        assertThat(text).isEqualTo("{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\","
                + "\"spec\":{\"interactive\":false},\"status\":{\"expirationTimestamp\":\"2026-12-04T10:15:30Z\","
                + "\"token\":\"" + TOKEN.idToken() + "\"}}\n");
        assertThat(Json.parseObject(text)).containsKey("status");
        assertThat(TokenCache.execCredentialJson(TOKEN, "client.authentication.k8s.io/v1beta1"))
                .contains("\"apiVersion\":\"client.authentication.k8s.io/v1beta1\"");
    }

    @Test
    void theLauncherDeadlineIsTheExpiryMinusTheSafetyMarginInWholeSeconds() throws Exception {
        TokenCache cache = cache();
        cache.write("demo", TOKEN); // expires at 10:15:30.250

        long deadline = Instant.parse("2026-12-04T10:14:30Z").getEpochSecond();
        assertThat(Files.readString(cache.launcherDeadlineFile("demo"))).isEqualTo(deadline + "\n");
        assertThat(TokenCache.LAUNCHER_MARGIN).isEqualTo(SessionService.DEFAULT_SAFETY_MARGIN);
        // the launcher prints while floor(now) < deadline: at every such instant Java still hands the token out
        for (Instant now : new Instant[] {Instant.ofEpochSecond(deadline - 1), Instant.ofEpochSecond(deadline - 1, 999_999_999)}) {
            assertThat(TOKEN.isValidFor(now, SessionService.DEFAULT_SAFETY_MARGIN)).as(now.toString()).isTrue();
        }
        // from the deadline on, the launcher falls back; Java is at most a quarter second more lenient here
        assertThat(TOKEN.isValidFor(Instant.ofEpochSecond(deadline, 250_000_000), SessionService.DEFAULT_SAFETY_MARGIN)).isFalse();
    }

    @Test
    void anExpiredTokenGetsADeadlineInThePast() throws Exception {
        TokenCache cache = cache();
        Instant expiry = Instant.now().plusSeconds(30); // within the margin: Java would renew it
        cache.write("demo", new CachedToken(TOKEN.idToken(), expiry));

        long deadline = Long.parseLong(Files.readString(cache.launcherDeadlineFile("demo")).trim());
        assertThat(deadline).isLessThan(Instant.now().getEpochSecond()).isEqualTo(expiry.getEpochSecond() - 60);
    }

    @Test
    void theDeadlineIsReplacedByRenameNotRewrittenInPlace() throws Exception {
        TokenCache cache = cache();
        cache.write("demo", TOKEN);
        Object before = Files.getAttribute(cache.launcherDeadlineFile("demo"), "unix:ino");
        try (var oldReader = Files.newBufferedReader(cache.launcherDeadlineFile("demo"))) {
            cache.write("demo", new CachedToken(TOKEN.idToken(), TOKEN.expiry().plusSeconds(3600)));

            // a reader that opened the old file still reads the old deadline whole; the path holds the new one
            assertThat(oldReader.readLine()).isEqualTo(String.valueOf(TokenCache.launcherDeadline(TOKEN)));
        }
        assertThat(Files.getAttribute(cache.launcherDeadlineFile("demo"), "unix:ino")).isNotEqualTo(before);
        assertThat(Files.readString(cache.launcherDeadlineFile("demo")))
                .isEqualTo((TokenCache.launcherDeadline(TOKEN) + 3600) + "\n");
        try (var files = Files.list(cache.directory())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void whenWritingTheCredentialFailsNoDeadlineIsLeftBesideIt() throws Exception {
        TokenCache cache = cache();
        cache.write("demo", TOKEN);
        // a non-empty directory where the credential goes: the rename over it fails
        Files.delete(cache.execCredentialFile("demo"));
        Files.createDirectories(cache.execCredentialFile("demo").resolve("blocker"));

        assertThatThrownBy(() -> cache.write("demo", new CachedToken("other.token.value", TOKEN.expiry().minusSeconds(3000))))
                .isInstanceOf(java.io.UncheckedIOException.class);

        // the old deadline went first, so no launcher pairs it with whatever credential is there now
        assertThat(cache.launcherDeadlineFile("demo")).doesNotExist();
    }

    @Test
    void whenDeletingFailsTheDeadlineIsAlreadyGone() throws Exception {
        TokenCache cache = cache();
        cache.write("demo", TOKEN);
        Files.delete(cache.execCredentialFile("demo"));
        Files.createDirectories(cache.execCredentialFile("demo").resolve("blocker"));

        assertThatThrownBy(() -> cache.delete("demo")).isInstanceOf(java.io.UncheckedIOException.class);

        assertThat(cache.launcherDeadlineFile("demo")).doesNotExist();
        assertThat(cache.tokenFile("demo")).doesNotExist();
    }

    @Test
    void aCorruptFileCountsAsAbsentAndIsReplacedOnTheNextWrite() throws Exception {
        TokenCache cache = cache();
        cache.write("demo", TOKEN);
        for (String corrupt : new String[] {"", "{", "not json", "[]", "{\"version\":1}", "{\"version\":2,\"idToken\":\"x\",\"expiresAt\":1}",
                "{\"version\":1,\"idToken\":\"x\",\"expiresAt\":\"soon\"}", "{\"version\":1,\"idToken\":\"\",\"expiresAt\":1}"}) {
            Files.writeString(cache.tokenFile("demo"), corrupt);
            assertThat(cache.read("demo")).as(corrupt).isEmpty();
        }

        cache.write("demo", TOKEN);
        assertThat(cache.read("demo")).isPresent();
    }

    @Test
    void anUnreadableFileCountsAsAbsent() throws Exception {
        TokenCache cache = cache();
        cache.write("demo", TOKEN);
        Files.delete(cache.tokenFile("demo"));
        Files.createDirectory(cache.tokenFile("demo")); // reading a directory fails with an IOException
        assertThat(cache.read("demo")).isEmpty();
    }

    @Test
    void deleteRemovesAllThreeFiles() {
        TokenCache cache = cache();
        cache.write("demo", TOKEN);

        cache.delete("demo");
        cache.delete("demo");

        assertThat(cache.read("demo")).isEmpty();
        assertThat(cache.tokenFile("demo")).doesNotExist();
        assertThat(cache.execCredentialFile("demo")).doesNotExist();
        assertThat(cache.launcherDeadlineFile("demo")).doesNotExist();
    }

    @Test
    void refusesNamesThatWouldLeaveTheDirectory() {
        assertThatThrownBy(() -> cache().write("../evil", TOKEN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache().read("../evil")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache().launcherDeadlineFile("a/../b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validityUsesTheMargin() {
        Instant expiry = TOKEN.expiry();
        assertThat(TOKEN.isValidFor(expiry.minusSeconds(61), Duration.ofSeconds(60))).isTrue();
        assertThat(TOKEN.isValidFor(expiry.minusSeconds(60), Duration.ofSeconds(60))).isFalse();
        assertThat(TOKEN.toString()).doesNotContain(TOKEN.idToken());
        assertThat(Map.of("t", TOKEN).toString()).doesNotContain("eyJ");
    }
}
