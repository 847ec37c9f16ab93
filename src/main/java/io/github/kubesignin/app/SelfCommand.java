package io.github.kubesignin.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How kubectl should start this kubesignin: an absolute program path that works from any directory and without
 * PATH. The installed console launcher when there is one, else the running java with the jar (or, from a build
 * tree, the class path). The launcher is named by the {@code KUBESIGNIN_LAUNCHER} environment variable (a person's
 * override) or else the {@code kubesignin.launcher} system property, which the installed packages pass to the JVM
 * ({@code bin/kubectl-signin} of the app-image); either counts only as an absolute path to an executable file.
 */
final class SelfCommand {
    static final String LAUNCHER_PROPERTY = "kubesignin.launcher";
    static final String LAUNCHER_VARIABLE = "KUBESIGNIN_LAUNCHER";

    /** Start-up flags for a short-lived process: C1 only and the serial collector start measurably faster. */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
            // the JVM prints its own warnings on stdout by default, where kubectl expects only the ExecCredential
            "-Xlog:disable", "-Xlog:all=warning:stderr");

    private SelfCommand() {
    }

    static List<String> detect(Map<String, String> env) {
        return detect(env, System.getProperty(LAUNCHER_PROPERTY));
    }

    static List<String> detect(Map<String, String> env, String launcherProperty) {
        for (String launcher : new String[] {env.get(LAUNCHER_VARIABLE), launcherProperty}) {
            Path path = executableAbsolutePath(launcher);
            if (path != null) {
                return List.of(path.toString());
            }
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

    /** The path without {@code ..} steps (jpackage passes {@code $APPDIR/../../bin/...}), or null when unusable. */
    private static Path executableAbsolutePath(String launcher) {
        if (launcher == null || launcher.isBlank()) {
            return null;
        }
        try {
            Path path = Path.of(launcher).normalize();
            return path.isAbsolute() && Files.isRegularFile(path) && Files.isExecutable(path) ? path : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
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
