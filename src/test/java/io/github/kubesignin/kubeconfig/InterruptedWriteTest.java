package io.github.kubesignin.kubeconfig;

import io.github.kubesignin.testing.AdjustableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A write interrupted at any point leaves the old file or the new one, never a broken one. */
class InterruptedWriteTest {
    private static final String OLD = Resources.text("realistic.yaml");

    @TempDir
    Path dir;

    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-12-04T10:15:30Z"));

    /** A valid kubeconfig of about 512 KB, so that one write takes long enough to be killed in the middle. */
    static String content(char fill) {
        return "apiVersion: v1\nkind: Config\nusers:\n- name: big\n  user:\n    token: "
                + String.valueOf(fill).repeat(512 * 1024) + "\n";
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, 2_000, Integer.MAX_VALUE})
    void aWriteTornAfterAnyNumberOfBytesLeavesTheOldFile(int bytes) throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, OLD);
        KubeconfigEditor editor = new KubeconfigEditor(new KubeconfigWriter(clock, new TornWrite(bytes)));

        assertThatThrownBy(() -> editor.edit(file, doc -> doc.upsertUser("me", KubeconfigEntries.tokenUser("t")), false))
                .isInstanceOf(IOException.class).hasMessageContaining("simulated crash");

        assertThat(Files.readString(file)).isEqualTo(OLD);
        // the next run is not confused by the debris: it writes, and the old content is in its backup
        EditResult next = new KubeconfigEditor(new KubeconfigWriter(clock))
                .edit(file, doc -> doc.upsertUser("me", KubeconfigEntries.tokenUser("t")), false);
        assertThat(KubeconfigDocument.parse(Files.readString(file), "config").user("me")).contains(Map.of("token", "t"));
        assertThat(next.backup()).isPresent();
    }

    @Test
    void aFailureAfterTheRenameLeavesTheNewFile() throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, OLD);
        FileReplacer failsAfterCommit = (target, bytes) -> {
            FileReplacer.atomic().replace(target, bytes);
            throw new IOException("simulated failure after the rename");
        };
        KubeconfigWriter writer = new KubeconfigWriter(clock, failsAfterCommit);
        String updated = Resources.text("kubectl-written.yaml");
        assertThatThrownBy(() -> writer.write(file, updated)).hasMessageContaining("after the rename");
        assertThat(Files.readString(file)).isEqualTo(updated);
    }

    /** The real writer in a child JVM, killed with SIGKILL mid-stream over and over. */
    @Test
    void killingTheWritingProcessAtArbitraryMomentsNeverLeavesABrokenFile() throws Exception {
        Path file = dir.resolve("config");
        String a = content('A');
        String b = content('B');
        Files.writeString(file, a);
        int[] writesBeforeKill = {0, 1, 2, 3, 4, 6};
        for (int round = 0; round < writesBeforeKill.length; round++) {
            Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), CrashingWriterMain.class.getName(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (int seen = 0; seen < writesBeforeKill[round]; seen++) {
                    assertThat(lines.readLine()).as("child output").isNotNull();
                }
                // let the next write get under way by a round-dependent amount, then kill without warning
                Thread.sleep(round * 7L);
                child.destroyForcibly();
                assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
            String now = Files.readString(file);
            assertThat(now.equals(a) || now.equals(b)).as("round %d: the file is one of the two whole versions", round).isTrue();
            for (Path backup : new BackupFiles(clock).list(file)) {
                String saved = Files.readString(backup);
                assertThat(saved.equals(a) || saved.equals(b)).as("backup %s is whole", backup.getFileName()).isTrue();
            }
        }
        assertThat(FileModes.of(file)).isEqualTo("rw-------");
        // only whole files and, at worst, temp files of the interrupted rename are left in the directory
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(path -> path.getFileName().toString()).toList();
            assertThat(names).allMatch(name -> name.equals("config") || name.startsWith("config.kubesignin-backup-")
                    || (name.startsWith(".config") && name.endsWith(".tmp")));
        }
    }
}
