package io.github.kubesignin.kubeconfig;

import java.nio.file.Path;
import java.util.Optional;

/** The file written and the backup of its previous content (absent when the file was new). */
public record WriteResult(Path file, Optional<Path> backup) {
}
