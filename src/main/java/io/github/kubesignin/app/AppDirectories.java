package io.github.kubesignin.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where kubesignin keeps its files, following the XDG base directory rules.
 *
 * @param config settings: {@code $XDG_CONFIG_HOME/kubesignin}, default {@code ~/.config/kubesignin}
 * @param cache  short-lived data such as cached id_tokens: {@code $XDG_CACHE_HOME/kubesignin}
 * @param home   the user's home directory (for {@code ~/.kube/config})
 */
public record AppDirectories(Path config, Path cache, Path home) {

    public static AppDirectories fromEnvironment(Map<String, String> env) {
        Path home = Path.of(nonBlank(env.get("HOME"), System.getProperty("user.home")));
        Path config = Path.of(nonBlank(env.get("XDG_CONFIG_HOME"), home.resolve(".config").toString()));
        Path cache = Path.of(nonBlank(env.get("XDG_CACHE_HOME"), home.resolve(".cache").toString()));
        return new AppDirectories(config.resolve("kubesignin"), cache.resolve("kubesignin"), home);
    }

    public Path profilesFile() {
        return config.resolve("profiles.properties");
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
