package io.github.kubesignin.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        assumeTrue(ChildJvm.onPath("dbus-run-session"), "dbus-run-session is not installed");
        Path config = Files.writeString(temp.resolve("bus.conf"), BUS_WITHOUT_SERVICES.formatted(temp));
        Path runtime = Files.createDirectory(temp.resolve("runtime"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

        ChildJvm.Run run = ChildJvm.run(List.of("dbus-run-session", "--config-file=" + config, "--"),
                env -> isolate(env, runtime), "kubesignin-test-" + ProcessHandle.current().pid());

        assertThat(run.exitedAfterAccess())
                .as("the child JVM must end by itself soon after the keychain access (no leaked non-daemon thread);"
                        + " output: %s", run.output())
                .isNotNull()
                .isLessThan(Duration.ofSeconds(2));
        assertThat(run.total()).isLessThan(Duration.ofSeconds(5));
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains(NO_PROVIDER).contains("gnome-keyring");
    }

    @Test
    void aMissingLoginKeyringIsNamedAsSuch() throws Exception {
        assumeTrue(ChildJvm.onPath("dbus-run-session"), "dbus-run-session is not installed");
        assumeTrue(ChildJvm.onPath("gnome-keyring-daemon"), "gnome-keyring is not installed");
        Path runtime = Files.createDirectory(temp.resolve("runtime"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path data = Files.createDirectory(temp.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

        // The standard session bus starts gnome-keyring on demand; with an empty data directory it has no keyring.
        ChildJvm.Run run = ChildJvm.run(List.of("dbus-run-session", "--"), env -> {
            isolate(env, runtime);
            env.put("XDG_DATA_HOME", data.toString());
        }, "kubesignin-test-" + ProcessHandle.current().pid(), "put");

        assumeTrue(!run.output().contains(NO_PROVIDER), "this bus cannot start gnome-keyring on demand");
        assertThat(run.output()).contains("the login keyring is locked or missing: unlock it")
                .doesNotContain(KeychainAccessMain.SECRET);
        assertThat(run.exitedAfterAccess()).as("output: %s", run.output()).isNotNull()
                .isLessThan(Duration.ofSeconds(2));
    }

    /** No way to reach a running keyring daemon: no bus address, no control socket, a fresh runtime directory. */
    private static void isolate(Map<String, String> env, Path runtimeDir) {
        env.remove("DBUS_SESSION_BUS_ADDRESS");
        env.remove("GNOME_KEYRING_CONTROL");
        env.put("XDG_RUNTIME_DIR", runtimeDir.toString());
    }

    static Map<String, String> withoutBus(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.remove("DBUS_SESSION_BUS_ADDRESS");
        return env;
    }
}
