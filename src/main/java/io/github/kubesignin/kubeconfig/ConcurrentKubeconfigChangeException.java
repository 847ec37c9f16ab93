package io.github.kubesignin.kubeconfig;

import java.io.IOException;
import java.nio.file.Path;

/** The kubeconfig changed on disk between reading it and writing the edit; nothing was written. */
public class ConcurrentKubeconfigChangeException extends IOException {
    public ConcurrentKubeconfigChangeException(Path file) {
        super(file + " was changed by another program while it was being edited; the file was left unchanged, try again");
    }
}
