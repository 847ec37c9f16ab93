package io.github.kubesignin.kubeconfig;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One edit of a kubeconfig: the text before and after, their unified diff (empty when nothing changed), the backup
 * made, and whether the file was written (false for a dry run or when nothing changed).
 */
public record EditResult(Path file, String oldText, String newText, String diff, Optional<Path> backup, boolean written) {
    public boolean changed() {
        return !oldText.equals(newText);
    }
}
