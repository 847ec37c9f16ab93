package io.github.kubesignin.kubeconfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A {@link FileReplacer} that fails after {@code bytes} bytes: it leaves behind exactly what an interrupted
 * temp-file-then-rename write leaves (a partial temp file beside the target) and throws, before any rename.
 */
final class TornWrite implements FileReplacer {
    private final int bytes;

    TornWrite(int bytes) {
        this.bytes = bytes;
    }

    @Override
    public void replace(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        Files.write(temp, Arrays.copyOf(content, Math.min(bytes, content.length)));
        throw new IOException("simulated crash after " + bytes + " bytes");
    }
}
