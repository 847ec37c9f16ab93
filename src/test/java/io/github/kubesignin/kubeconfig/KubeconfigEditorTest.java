package io.github.kubesignin.kubeconfig;

import io.github.kubesignin.testing.AdjustableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigEditorTest {
    private static final Consumer<KubeconfigDocument> ADD_ME = doc -> doc.upsertUser("me", KubeconfigEntries.tokenUser("t"));

    @TempDir
    Path home;

    private final KubeconfigEditor editor = new KubeconfigEditor(
            new KubeconfigWriter(new AdjustableClock(Instant.parse("2026-12-04T10:15:30Z"))));

    @Test
    void malformedFileIsRefusedByteForByteUnchanged() throws Exception {
        Path file = home.resolve("config");
        byte[] malformed = "apiVersion: v1\r\nusers:\r\n- name: a\r\n\tuser: {}\r\n# trailing\r\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, malformed);
        var modified = Files.getLastModifiedTime(file);

        assertThatThrownBy(() -> editor.edit(file, ADD_ME, false))
                .isInstanceOf(MalformedKubeconfigException.class)
                .hasMessage(file + ": line 4: while scanning for the next token: found character '\\t(TAB)' that cannot"
                        + " start any token. (Do not use \\t(TAB) for indentation); the file was left unchanged");

        assertThat(Files.readAllBytes(file)).isEqualTo(malformed);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        assertThat(directoryListing()).containsExactly("config");
    }

    @Test
    void notUtf8IsRefused() throws Exception {
        Path file = home.resolve("config");
        byte[] latin1 = "users: []\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, latin1);
        assertThatThrownBy(() -> editor.edit(file, ADD_ME, false)).hasMessageContaining("not UTF-8");
        assertThat(Files.readAllBytes(file)).isEqualTo(latin1);
    }

    @Test
    void dryRunShowsTheDiffAndWritesNothing() throws Exception {
        Path file = home.resolve("config");
        String old = Resources.text("kubectl-written.yaml");
        Files.writeString(file, old);
        EditResult result = editor.edit(file, ADD_ME, true);
        assertThat(result.written()).isFalse();
        assertThat(result.changed()).isTrue();
        assertThat(result.oldText()).isEqualTo(old);
        assertThat(result.diff()).startsWith("--- " + file + "\n+++ " + file + "\n@@ ")
                .contains("+- name: me\n+  user:\n+    token: t\n");
        assertThat(Files.readString(file)).isEqualTo(old);
        assertThat(directoryListing()).containsExactly("config");
    }

    @Test
    void missingFileIsCreatedWithTheSkeletonAndNoBackup() throws Exception {
        Path file = home.resolve(".kube/config");
        EditResult result = editor.edit(file, ADD_ME, false);
        assertThat(result.written()).isTrue();
        assertThat(result.backup()).isEmpty();
        assertThat(result.oldText()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(result.newText()).startsWith("apiVersion: v1\n");
        assertThat(KubeconfigDocument.parse(result.newText(), "c").user("me")).contains(Map.of("token", "t"));
        assertThat(FileModes.of(file)).isEqualTo("rw-------");
        assertThat(FileModes.of(file.getParent())).isEqualTo("rwx------");
    }

    @Test
    void realEditBacksUpAndWrites() throws Exception {
        Path file = home.resolve("config");
        String old = Resources.text("realistic.yaml");
        Files.writeString(file, old);
        EditResult result = editor.edit(file, ADD_ME, false);
        assertThat(result.written()).isTrue();
        assertThat(Files.readString(result.backup().orElseThrow())).isEqualTo(old);
        assertThat(Files.readString(file)).isEqualTo(result.newText());
    }

    @Test
    void noChangeWritesNothing() throws Exception {
        Path file = home.resolve("config");
        Files.writeString(file, Resources.text("realistic.yaml"));
        EditResult result = editor.edit(file, doc -> { }, false);
        assertThat(result.written()).isFalse();
        assertThat(result.diff()).isEmpty();
        assertThat(directoryListing()).containsExactly("config");
    }

    @Test
    void aChangeByAnotherProgramDuringTheEditIsNotOverwritten() throws Exception {
        Path file = home.resolve("config");
        Files.writeString(file, Resources.text("kubectl-written.yaml"));
        Consumer<KubeconfigDocument> raceWithKubectl = doc -> {
            ADD_ME.accept(doc);
            try {
                Files.writeString(file, "apiVersion: v1\nkind: Config\n# kubectl got here first\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        assertThatThrownBy(() -> editor.edit(file, raceWithKubectl, false))
                .isInstanceOf(ConcurrentKubeconfigChangeException.class);
        assertThat(Files.readString(file)).contains("kubectl got here first");
    }

    private java.util.List<String> directoryListing() throws Exception {
        try (Stream<Path> files = Files.list(home)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
