package io.github.kubesignin.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How kubectl should start this kubesignin: an absolute program path that works from any directory and without
 * PATH. The installed console launcher when there is one ({@code KUBESIGNIN_LAUNCHER}, set by the packages), else
 * the running java with the jar (or, from a build tree, the class path).
 */
final class SelfCommand {
    /** Start-up flags for a short-lived process: C1 only and the serial collector start measurably faster. */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    private SelfCommand() {
    }

    static List<String> detect(Map<String, String> env) {
        String launcher = env.get("KUBESIGNIN_LAUNCHER");
        if (launcher != null && Path.of(launcher).isAbsolute() && Files.isExecutable(Path.of(launcher))) {
            return List.of(launcher);
        }
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(QUICK_START);
        Path codeSource = codeSource();
        if (codeSource != null && codeSource.toString().endsWith(".jar")) {
            command.addAll(List.of("-jar", codeSource.toString()));
        } else {
            command.addAll(List.of("-cp", absoluteClassPath(), "io.github.kubesignin.Main"));
        }
        return command;
    }

    /** kubectl may start it from any directory, so every class-path entry must be absolute. */
    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Path codeSource() {
        try {
            return Path.of(SelfCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
