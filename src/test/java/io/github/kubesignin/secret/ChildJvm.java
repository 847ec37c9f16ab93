package io.github.kubesignin.secret;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs {@link KeychainAccessMain} in a fresh JVM (optionally behind a prefix such as {@code dbus-run-session --})
 * and measures how long the process lives after the keychain access, which shows whether a non-daemon thread leaked.
 * Kills it after 15 s so that a hang fails the test instead of stalling the build.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    record Run(int exitCode, String output, Duration total, Duration exitedAfterAccess) {
    }

    static Run run(List<String> prefix, Consumer<Map<String, String>> environment, String... mainArgs)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), KeychainAccessMain.class.getName()));
        command.addAll(List.of(mainArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment.accept(builder.environment());

        long start = System.nanoTime();
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        long[] accessDoneAt = {0};
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    synchronized (output) {
                        if (line.startsWith("keychain-access-ms=")) {
                            accessDoneAt[0] = System.nanoTime();
                        }
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();

        boolean exited = process.waitFor(15, TimeUnit.SECONDS);
        long end = System.nanoTime();
        if (!exited) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        reader.join(2_000);
        synchronized (output) {
            Duration afterAccess = exited && accessDoneAt[0] != 0 ? Duration.ofNanos(end - accessDoneAt[0]) : null;
            return new Run(exited ? process.exitValue() : -1, output.toString(), Duration.ofNanos(end - start),
                    afterAccess);
        }
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
