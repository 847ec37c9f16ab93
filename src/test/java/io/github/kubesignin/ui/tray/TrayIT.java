package io.github.kubesignin.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real tray on a real X server: Xvfb plus Debian's {@code trayer} as the tray host (both installed by
 * {@code .ci/run}). A child JVM puts the icon up for a profile whose token is about to expire; the icon must be
 * painted on screen and the reminder balloon must appear. Skipped where Xvfb or trayer is missing.
 */
class TrayIT {
    @TempDir
    Path home;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopDisplay() {
        // trayer first, so that it does not complain about the display going away
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).destroy();
        }
    }

    @Test
    void theIconAppearsInTheTrayAndAReminderIsShown() throws Exception {
        Map<String, String> env = startDisplayWithTray();

        String output = runChild(env, TrayChildMain.class.getName(), home.resolve("app").toString());
        if (output.contains("tray-supported=false")) {
            Thread.sleep(2_000); // trayer was slow to claim the tray selection: one more try
            output = runChild(env, TrayChildMain.class.getName(), home.resolve("app").toString());
        }

        assertThat(output).contains("tray-supported=true", "icon-visible=true", "menu=work: alice@example.com until ",
                "Open kubesignin | Quit", "menu-actions=[open-window, inspector:work]", "reminder-shown=true",
                "renewed-by-click=true");
    }

    /** The whole app: closing its window keeps it in the tray (said once), the tray reopens it, Quit ends it. */
    @Test
    void closingTheWindowKeepsTheAppInTheTrayUntilQuitFromTheTrayMenu() throws Exception {
        Map<String, String> env = new HashMap<>(startDisplayWithTray());
        env.put("HOME", home.resolve("desktop-home").toString());

        String output = runChild(env, "io.github.kubesignin.ui.DesktopTrayChildMain");

        assertThat(output).doesNotContain("person-failed").contains("window-shown=true", "tray-icons=1",
                "window-showing-after-close=false", "still-running-balloon=true", "told-once-saved=true",
                "window-showing-after-open=true", "app-ended=true");
    }

    /** Without a tray host the window shows a banner instead, and closing the window ends the app. */
    @Test
    void withoutATrayTheWindowShowsABannerAndClosingItQuits() throws Exception {
        assumeTrue(onPath("Xvfb"), "needs Xvfb (apt-get install xvfb)");
        Map<String, String> env = new HashMap<>(Map.of("DISPLAY", startXvfb(), "NO_AT_BRIDGE", "1",
                "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", "HOME", home.resolve("desktop-home").toString()));

        String output = runChild(env, "io.github.kubesignin.ui.DesktopTrayChildMain", "no-tray");

        assertThat(output).doesNotContain("person-failed").contains("tray-icons=0", "banner-shown=true", "app-ended=true");
    }

    private Map<String, String> startDisplayWithTray() throws IOException {
        assumeTrue(onPath("Xvfb") && onPath("trayer"), "needs Xvfb and trayer (apt-get install xvfb trayer)");
        String display = startXvfb();
        Map<String, String> env = Map.of("DISPLAY", display, "NO_AT_BRIDGE", "1",
                // no session bus: otherwise GTK's accessibility helpers outlive the test
                "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
        start(env, "trayer", "--edge", "top", "--align", "right", "--widthtype", "pixel", "--width", "200",
                "--heighttype", "pixel", "--height", "32");
        return env;
    }

    private String startXvfb() throws IOException {
        // -displayfd: Xvfb picks a free display number and prints it once it accepts connections
        Process xvfb = start(Map.of(), "Xvfb", "-displayfd", "1", "-screen", "0", "640x480x24", "-nolisten", "tcp");
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8));
        String number = out.readLine();
        assertThat(number).as("Xvfb's display number").isNotNull().matches("\\d+");
        return ":" + number;
    }

    private Process start(Map<String, String> env, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(home.resolve(command[0] + ".log").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        if (!command[0].equals("Xvfb")) {
            try {
                Thread.sleep(1_500); // trayer has no ready signal; the child retries once if it was not enough
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return process;
    }

    private String runChild(Map<String, String> env, String mainClass, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Files.createTempFile(home, "child", ".log");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (env.containsKey("HOME")) { // the app's files go under the test's HOME, never the real ones
            builder.environment().keySet().removeAll(List.of("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"));
        }
        builder.environment().putAll(env);
        Process child = builder.start();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
        return Files.readString(log);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
