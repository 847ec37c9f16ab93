package io.github.kubesignin.kubeconfig;

import io.github.kubesignin.testing.AdjustableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigWriterTest {
    private static final String V1 = Resources.text("kubectl-written.yaml");

    @TempDir
    Path home;

    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-12-04T10:15:30Z"));
    private final KubeconfigWriter writer = new KubeconfigWriter(clock);

    @Test
    void newFileInNewDirectoryIsOwnerOnlyAndHasNoBackup() throws Exception {
        Path file = home.resolve(".kube/config");
        WriteResult result = writer.write(file, V1);
        assertThat(result).isEqualTo(new WriteResult(file, java.util.Optional.empty()));
        assertThat(Files.readString(file)).isEqualTo(V1);
        assertThat(FileModes.of(file)).isEqualTo("rw-------");
        assertThat(FileModes.of(home.resolve(".kube"))).isEqualTo("rwx------");
    }

    @Test
    void existingFileIsBackedUpWithATimestampedName() throws Exception {
        Path file = home.resolve("config");
        Files.writeString(file, "old: content\n");
        WriteResult result = writer.write(file, V1);
        Path backup = result.backup().orElseThrow();
        assertThat(backup.getFileName().toString()).isEqualTo("config.kubesignin-backup-20261204-101530");
        assertThat(backup.getParent()).isEqualTo(file.toRealPath().getParent());
        assertThat(Files.readString(backup)).isEqualTo("old: content\n");
        assertThat(FileModes.of(backup)).isEqualTo("rw-------");
        assertThat(FileModes.of(file)).isEqualTo("rw-------");
    }

    @Test
    void writesInTheSameSecondGetNumberedBackups() throws Exception {
        Path file = home.resolve("config");
        Files.writeString(file, V1);
        assertThat(writer.write(file, V1).backup().orElseThrow().getFileName().toString())
                .isEqualTo("config.kubesignin-backup-20261204-101530");
        assertThat(writer.write(file, V1).backup().orElseThrow().getFileName().toString())
                .isEqualTo("config.kubesignin-backup-20261204-101530-1");
        assertThat(writer.write(file, V1).backup().orElseThrow().getFileName().toString())
                .isEqualTo("config.kubesignin-backup-20261204-101530-2");
    }

    @Test
    void onlyTheNewestFiveBackupsAreKept() throws Exception {
        Path file = home.resolve("config");
        Files.writeString(file, "gen: 0\n");
        Files.writeString(home.resolve("other.kubesignin-backup-20200101-000000"), "not ours");
        for (int generation = 1; generation <= 8; generation++) {
            clock.advance(Duration.ofMinutes(1));
            if (generation == 4) {
                writer.write(file, "gen: " + generation + "\n"); // two in one second: numbered suffix sorts after
            }
            writer.write(file, "gen: " + generation + "\n");
        }
        List<String> backups = backupsOf("config");
        assertThat(backups).hasSize(5);
        assertThat(backups).containsExactly(
                "config.kubesignin-backup-20261204-101930-1", "config.kubesignin-backup-20261204-102030",
                "config.kubesignin-backup-20261204-102130", "config.kubesignin-backup-20261204-102230",
                "config.kubesignin-backup-20261204-102330");
        assertThat(Files.readString(home.resolve("config.kubesignin-backup-20261204-102330"))).isEqualTo("gen: 7\n");
        assertThat(home.resolve("other.kubesignin-backup-20200101-000000")).exists();
    }

    @Test
    void invalidNewContentIsRefusedAndNothingIsTouched() throws Exception {
        Path file = home.resolve("config");
        Files.writeString(file, V1);
        assertThatThrownBy(() -> writer.write(file, "users: 3\n"))
                .isInstanceOf(MalformedKubeconfigException.class).hasMessageContaining("line 1");
        assertThat(Files.readString(file)).isEqualTo(V1);
        assertThat(backupsOf("config")).isEmpty();
    }

    @Test
    void aSymlinkedKubeconfigIsWrittenThroughTheLink() throws Exception {
        Path real = home.resolve("dotfiles/kubeconfig");
        Files.createDirectories(real.getParent());
        Files.writeString(real, "old: 1\n");
        Path link = home.resolve("config");
        Files.createSymbolicLink(link, real);
        writer.write(link, V1);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo(V1);
        assertThat(real.resolveSibling("kubeconfig.kubesignin-backup-20261204-101530")).hasContent("old: 1");
    }

    private List<String> backupsOf(String name) throws Exception {
        try (Stream<Path> files = Files.list(home)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(fileName -> fileName.startsWith(name + ".kubesignin-backup-")).sorted().toList();
        }
    }
}
