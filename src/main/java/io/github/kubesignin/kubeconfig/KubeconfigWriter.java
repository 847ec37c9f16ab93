package io.github.kubesignin.kubeconfig;

import io.github.kubesignin.files.AtomicFileWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Writes a kubeconfig the safe way: validate the new content, back up the current file (keeping the last five),
 * then replace it atomically with mode 0600. A symlinked kubeconfig is written through the link, so the link stays.
 */
public final class KubeconfigWriter {
    private final BackupFiles backups;
    private final FileReplacer replacer;

    public KubeconfigWriter(Clock clock) {
        this(clock, FileReplacer.atomic());
    }

    public KubeconfigWriter(Clock clock, FileReplacer replacer) {
        this.backups = new BackupFiles(clock);
        this.replacer = replacer;
    }

    /**
     * @throws MalformedKubeconfigException when {@code newContent} is not a kubeconfig this program could read back;
     *         nothing is written then
     */
    public WriteResult write(Path file, String newContent) throws IOException {
        KubeconfigDocument.parse(newContent, file + " (new content)");
        Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
        AtomicFileWriter.createPrivateDirectories(target.getParent());
        Optional<Path> backup = Files.exists(target) ? Optional.of(backups.backUp(target)) : Optional.empty();
        replacer.replace(target, newContent.getBytes(StandardCharsets.UTF_8));
        backups.prune(target);
        return new WriteResult(file, backup);
    }
}
