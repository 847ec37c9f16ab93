package io.github.kubesignin.interop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * One running Keycloak, in its own process group so that stopping it takes kc.sh, the Keycloak JVM and anything
 * they spawned. A watchdog shell in that group also ends the group when the test JVM dies without running its
 * shutdown hooks (its stdin pipe from the test JVM then closes).
 */
final class KeycloakProcess {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final int ORPHAN_KILL_DELAY_SECONDS = 15;
    private static final int LOG_TAIL_LINES = 60;
    /*
     * Runs kc.sh ("$@") and exits with its code, so a Keycloak that dies early is noticed at once. Beside it, a
     * watcher blocks on the test JVM's stdin pipe, which only closes when that JVM is gone, and then ends the group
     * (TERM, and KILL for whatever is left a little later).
     * (fd 3 because background jobs of a non-interactive shell get /dev/null as stdin.)
     */
    private static final String WATCHDOG = String.join("\n",
            "exec 3<&0",
            "\"$@\" 3<&- </dev/null &",
            "keycloak=$!",
            "{ read -r _ <&3; trap '' TERM; kill -TERM 0; sleep " + ORPHAN_KILL_DELAY_SECONDS + "; kill -KILL 0; } &",
            "watcher=$!",
            "wait \"$keycloak\"",
            "code=$?",
            "kill \"$watcher\" 2>/dev/null",
            "exit \"$code\"");

    private final Process groupLeader;
    private final Path logFile;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private KeycloakProcess(Process groupLeader, Path logFile) {
        this.groupLeader = groupLeader;
        this.logFile = logFile;
    }

    static KeycloakProcess start(Path javaHome, Path keycloakHome, List<String> kcArguments, Path logFile)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("setsid", "sh", "-c", WATCHDOG, "keycloak-watchdog",
                keycloakHome.resolve("bin/kc.sh").toString()));
        command.addAll(kcArguments);
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(keycloakHome.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().remove("JAVA_OPTS"); // let kc.sh choose its own heap settings
        // The test JVM is not a process group leader, so setsid execs in place: the leader's pid is the group id.
        return new KeycloakProcess(builder.start(), logFile);
    }

    /** Polls the URL until it answers 200; fails with the log's tail when Keycloak exits or the time runs out. */
    void awaitReady(URI probe, SSLContext trust, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(trust).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(timeout);
        String lastProblem = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!groupLeader.isAlive()) {
                throw failure("Keycloak exited with code " + groupLeader.exitValue() + " before it was ready");
            }
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                lastProblem = "HTTP " + response.statusCode();
            } catch (IOException notYet) {
                lastProblem = notYet.toString();
            }
            Thread.sleep(500);
        }
        throw failure("Keycloak was not ready within " + timeout.toSeconds() + " s at " + probe + " (last: "
                + lastProblem + ")");
    }

    /** TERM to the whole group, then KILL to whatever is left after a grace period. */
    void stop() {
        if (stopped.getAndSet(true)) {
            return; // a failed start stops at once; the shutdown hook must not signal a recycled group id later
        }
        List<ProcessHandle> members = new ArrayList<>(groupLeader.descendants().toList());
        members.add(groupLeader.toHandle());
        signalGroup("TERM");
        Instant deadline = Instant.now().plus(STOP_GRACE);
        for (ProcessHandle member : members) {
            try {
                member.onExit().get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()),
                        TimeUnit.MILLISECONDS);
            } catch (Exception stillRunning) {
                break;
            }
        }
        if (members.stream().anyMatch(ProcessHandle::isAlive)) {
            signalGroup("KILL");
        }
    }

    Path logFile() {
        return logFile;
    }

    private void signalGroup(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + groupLeader.pid())
                    .redirectErrorStream(true).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // Fall back to signalling the members we know; a shutdown hook cannot do more.
            groupLeader.descendants().forEach(ProcessHandle::destroyForcibly);
            groupLeader.destroyForcibly();
        }
    }

    private IllegalStateException failure(String message) {
        stop();
        return new IllegalStateException(message + "\n--- last lines of " + logFile + " ---\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
