package io.github.kubesignin.kubeconfig;

import io.github.kubesignin.files.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The "write the bytes" step of {@link KubeconfigWriter}: replaces the target with new content, or leaves it as it
 * was when it fails. A seam so tests can inject faults; production uses {@link AtomicFileWriter}.
 */
@FunctionalInterface
public interface FileReplacer {
    void replace(Path target, byte[] content) throws IOException;

    /** Temp file beside the target, fsync, atomic rename, mode 0600. */
    static FileReplacer atomic() {
        return AtomicFileWriter::write;
    }
}
