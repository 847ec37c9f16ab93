package io.github.kubesignin.kubeconfig;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Chooses the kubeconfig file the way kubectl does for writes: the explicit flag, else the first $KUBECONFIG entry, else ~/.kube/config. */
public final class KubeconfigLocator {
    private KubeconfigLocator() {
    }

    public static Path resolve(Optional<Path> explicit, Map<String, String> env, Path home) {
        if (explicit.isPresent()) {
            return explicit.get();
        }
        List<Path> fromEnv = all(env);
        return fromEnv.isEmpty() ? defaultFile(home) : fromEnv.get(0);
    }

    /** Every entry of $KUBECONFIG in order; empty entries are skipped, as kubectl does. */
    public static List<Path> all(Map<String, String> env) {
        String value = env.get("KUBECONFIG");
        List<Path> paths = new ArrayList<>();
        if (value == null) {
            return paths;
        }
        // split with -1 so trailing separators do not hide anything; empties are dropped below
        for (String entry : value.split(java.util.regex.Pattern.quote(File.pathSeparator), -1)) {
            if (!entry.isBlank()) {
                paths.add(Path.of(entry));
            }
        }
        return paths;
    }

    /** The full list kubectl reads: $KUBECONFIG when set and non-empty, else ~/.kube/config. */
    public static List<Path> all(Map<String, String> env, Path home) {
        List<Path> fromEnv = all(env);
        return fromEnv.isEmpty() ? List.of(defaultFile(home)) : fromEnv;
    }

    public static Path defaultFile(Path home) {
        return home.resolve(".kube").resolve("config");
    }
}
