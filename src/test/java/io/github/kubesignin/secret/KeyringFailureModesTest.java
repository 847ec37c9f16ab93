package io.github.kubesignin.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When there is no usable keychain the store says so clearly and promptly, and never keeps the JVM alive. */
class KeyringFailureModesTest {
    private static final String NO_BUS = "No OS keychain: no D-Bus session bus";
    private static final String NO_PROVIDER = "no Secret Service provider on the session bus";

    /** A session bus that can start nothing: no service directories, so no keyring daemon can be activated. */
    private static final String BUS_WITHOUT_SERVICES = """
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:dir=%s</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
                <allow own="*"/>
              </policy>
            </busconfig>
            """;

    @TempDir
    Path temp;

    @BeforeEach
    void onLinuxOnly() {
        assumeTrue(SecretServiceProbe.isLinux(System.getProperty("os.name", "")), "the Secret Service is Linux-only");
    }

    @Test
    void withoutASessionBusEveryMethodSaysHowToGetOne() {
        Map<String, String> noBus = withoutBus(System.getenv());
        long start = System.nanoTime();
        try (KeyringSecretStore store = new KeyringSecretStore("kubesignin-test", noBus)) {
            assertThatThrownBy(() -> store.get("x"))
                    .isInstanceOf(SecretStoreUnavailableException.class)
                    .hasMessageContaining(NO_BUS)
                    .hasMessageContaining("dbus-run-session");
            assertThatThrownBy(() -> store.put("x", "y")).hasMessageContaining(NO_BUS);
            assertThatThrownBy(() -> store.delete("x")).hasMessageContaining(NO_BUS);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

        KeychainAvailability availability = KeychainAvailability.check(noBus, Duration.ofSeconds(2));
        assertThat(availability.available()).isFalse();
        assertThat(availability.problem()).contains(NO_BUS);
    }

    @Test
    void aDeadBusAddressIsReportedWithTheAddress() {
        Map<String, String> env = withoutBus(System.getenv());
        String address = "unix:path=" + temp.resolve("no-such-bus");
        env.put("DBUS_SESSION_BUS_ADDRESS", address);

        try (KeyringSecretStore store = new KeyringSecretStore("kubesignin-test", env)) {
            assertThatThrownBy(() -> store.get("x"))
                    .isInstanceOf(SecretStoreUnavailableException.class)
                    .hasMessageContaining("cannot connect to the D-Bus session bus at " + address);
        }
    }

    @Test
    void aBusWithoutSecretServiceFailsClearlyAndTheJvmStillExitsByItself() throws Exception {
        assumeTrue(onPath("dbus-run-session"), "dbus-run-session is not installed");
        Path config = Files.writeString(temp.resolve("bus.conf"), BUS_WITHOUT_SERVICES.formatted(temp));
        Path runtime = Files.createDirectory(temp.resolve("runtime"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

        ChildRun run = runChild(config, runtime);

        assertThat(run.exitedAfterAccess())
                .as("the child JVM must end by itself soon after the keychain access (no leaked non-daemon thread);"
                        + " output: %s", run.output())
                .isNotNull()
                .isLessThan(Duration.ofSeconds(2));
        assertThat(run.total()).isLessThan(Duration.ofSeconds(5));
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains(NO_PROVIDER).contains("gnome-keyring");
    }

    private record ChildRun(int exitCode, String output, Duration total, Duration exitedAfterAccess) {
    }

    /** Runs {@link KeychainAccessMain} in a fresh JVM on a private bus; kills it after 15 s so a hang fails, not stalls. */
    private static ChildRun runChild(Path busConfig, Path runtimeDir) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of("dbus-run-session", "--config-file=" + busConfig, "--",
                java, "-cp", System.getProperty("java.class.path"), KeychainAccessMain.class.getName(),
                "kubesignin-test-" + ProcessHandle.current().pid()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("DBUS_SESSION_BUS_ADDRESS");
        env.remove("GNOME_KEYRING_CONTROL");
        env.put("XDG_RUNTIME_DIR", runtimeDir.toString());

        long start = System.nanoTime();
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        long[] accessDoneAt = {0};
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("keychain-access-ms=")) {
                        accessDoneAt[0] = System.nanoTime();
                    }
                    synchronized (output) {
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
            return new ChildRun(exited ? process.exitValue() : -1, output.toString(),
                    Duration.ofNanos(end - start), afterAccess);
        }
    }

    static Map<String, String> withoutBus(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.remove("DBUS_SESSION_BUS_ADDRESS");
        return env;
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
