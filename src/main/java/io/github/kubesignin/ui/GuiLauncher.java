package io.github.kubesignin.ui;

import io.github.kubesignin.app.AppDirectories;
import io.github.kubesignin.instance.SingleInstance;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;

/** Starts the JavaFX window; called by {@code Main} through reflection so the command line never loads JavaFX. */
public final class GuiLauncher {
    private GuiLauncher() {
    }

    /** {@code kubesignin [gui] [--profile NAME]}: hands over to a running window when there is one. */
    public static void launch(String[] args) {
        Optional<String> profile = profileArgument(args);
        SingleInstance instance = null;
        try {
            Optional<SingleInstance> claimed = SingleInstance.claim(socketDirectory(System.getenv()), profile);
            if (claimed.isEmpty()) {
                return; // the running instance came to the front (and selected the profile)
            }
            instance = claimed.get();
        } catch (UncheckedIOException e) {
            // no socket possible here (e.g. a path too long for one): a second window beats no window
        }
        DesktopApp.prepare(instance, profile);
        Application.launch(DesktopApp.class, args);
    }

    /** {@code $XDG_RUNTIME_DIR/kubesignin}, which is per-user and private; else the (owner-only) cache directory. */
    static Path socketDirectory(Map<String, String> env) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        return runtime == null || runtime.isBlank()
                ? AppDirectories.fromEnvironment(env).cache()
                : Path.of(runtime, "kubesignin");
    }

    /** {@code --profile NAME} or {@code --profile=NAME}. */
    static Optional<String> profileArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--profile") && i + 1 < args.length) {
                return Optional.of(args[i + 1]);
            }
            if (args[i].startsWith("--profile=")) {
                return Optional.of(args[i].substring("--profile=".length()));
            }
        }
        return Optional.empty();
    }
}
