package io.github.kubesignin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.kubectl.TokenCheckingApiServer;
import io.github.kubesignin.session.CachedToken;
import io.github.kubesignin.session.TokenCache;
import io.github.kubesignin.testing.RunningIssuer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native console launcher ({@code packaging/launcher/kubectl-signin.c}), compiled with the system's C compiler
 * by its own build script, against a cache that a real sign-in at the embedded issuer wrote. Beside it in the
 * test's {@code bin/} sits a {@code kubesignin-cli} script that notes its arguments in a marker file: a run that
 * leaves no marker started no JVM.
 */
class NativeLauncherIT {
    static final Path PROJECT = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    static final Path BUILT = PROJECT.resolve("target/native-launcher/kubectl-signin");
    static final String V1_INFO = "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\",\"spec\":{\"interactive\":false}}";

    @RegisterExtension
    static final RunningIssuer demo = RunningIssuer.demo();

    @TempDir
    Path home;

    CliHarness cli;
    Path bin;
    Path launcher;
    Path marker;
    TokenCache cache;

    @BeforeAll
    static void compile() throws Exception {
        assumeTrue(commandWorks("cc", "--version"), "a C compiler (cc) is needed to build the launcher");
        Process build = new ProcessBuilder("sh", PROJECT.resolve("packaging/launcher/build.sh").toString(), BUILT.getParent().toString())
                .redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(build.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).as("build.sh (cc -Wall -Wextra -Werror): " + output).isZero();
        assertThat(output).as("no warnings").isEmpty();
    }

    @BeforeEach
    void installAndSignIn() throws Exception {
        bin = Files.createDirectories(home.resolve("opt/kubesignin/bin"));
        launcher = Files.copy(BUILT, bin.resolve("kubectl-signin"));
        marker = home.resolve("jvm-started");
        // stands in for the jpackage launcher: notes that it ran, and with which arguments, one a line
        Path script = Files.writeString(bin.resolve("kubesignin-cli"),
                "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + marker + "'\nexit 42\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

        cli = new CliHarness(home);
        ok(cli.run("profile", "add", "demo", "--issuer", demo.issuer().issuerUrl().toString(), "--client-id", DemoData.CLIENT_ID,
                "--public", "--ca-file", demo.caFile().toString(), "--username-claim", "email", "--username", DemoData.USER));
        ok(cli.runWithStdin(DemoData.PASSWORD + "\n", "login", "--profile", "demo", "--password-stdin"));
        cache = new TokenCache(cli.directories().cache());
        assertThat(cache.launcherDeadlineFile("demo")).exists();
    }

    private static CliHarness.Result ok(CliHarness.Result result) {
        assertThat(result.exitCode()).as(result.all()).isZero();
        return result;
    }

    record Launch(int exitCode, byte[] out, String err, Optional<List<String>> jvmArguments) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private Launch launch(Map<String, String> env, String... args) throws Exception {
        return launchVia(launcher, env, args);
    }

    private Launch launchVia(Path program, Map<String, String> env, String... args) throws Exception {
        Files.deleteIfExists(marker);
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("XDG_CACHE_HOME");
        builder.environment().remove("KUBERNETES_EXEC_INFO");
        builder.environment().putAll(env);
        Process process = builder.redirectError(home.resolve("launcher.err").toFile()).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Optional<List<String>> arguments = Files.exists(marker) ? Optional.of(Files.readAllLines(marker)) : Optional.empty();
        return new Launch(process.exitValue(), out, Files.readString(home.resolve("launcher.err")), arguments);
    }

    private void assertPrintedWithoutJvm(Launch launch) throws Exception {
        assertThat(launch.jvmArguments()).as("kubesignin-cli must not run").isEmpty();
        assertThat(launch.exitCode()).as(launch.err()).isZero();
        assertThat(launch.err()).isEmpty();
        assertThat(launch.out()).isEqualTo(Files.readAllBytes(cache.execCredentialFile("demo")));
    }

    private void assertFellBack(Launch launch, String... args) {
        assertThat(launch.jvmArguments()).as("kubesignin-cli runs with the arguments unchanged").contains(List.of(args));
        assertThat(launch.exitCode()).as("its exit code").isEqualTo(42);
        assertThat(launch.out()).as("nothing printed by the launcher itself").isEmpty();
    }

    private void assertFallsBack(Map<String, String> env, String... args) throws Exception {
        assertFellBack(launch(env, args), args);
    }

    @Test
    void aValidCachedTokenIsPrintedByteForByteWithoutAJvm() throws Exception {
        Launch launch = launch(Map.of(), "get-token", "--profile", "demo");

        assertPrintedWithoutJvm(launch);
        // the very credential Java's get-token prints, with the token the sign-in got
        assertThat(launch.outText()).isEqualTo(ok(cli.run("get-token", "--profile", "demo")).out());
        assertThat(launch.outText()).contains("\"token\":\"" + cache.read("demo").orElseThrow().idToken() + "\"");

        assertPrintedWithoutJvm(launch(Map.of(), "get-token", "--profile=demo"));
        assertPrintedWithoutJvm(launch(Map.of("KUBERNETES_EXEC_INFO", V1_INFO), "get-token", "--profile", "demo"));
        assertPrintedWithoutJvm(launch(Map.of("KUBERNETES_EXEC_INFO", "  "), "get-token", "--profile", "demo"));
    }

    @Test
    void theCacheDirectoryFollowsXdgCacheHomeLikeAppDirectories() throws Exception {
        Path elsewhere = home.resolve("xdg-cache");
        Files.move(cache.directory(), Files.createDirectories(elsewhere).resolve("kubesignin"));
        cache = new TokenCache(elsewhere.resolve("kubesignin"));

        assertFallsBack(Map.of(), "get-token", "--profile", "demo"); // not under $HOME/.cache any more
        assertPrintedWithoutJvm(launch(Map.of("XDG_CACHE_HOME", elsewhere.toString()), "get-token", "--profile", "demo"));
        // blank counts as unset, as in Java
        Files.move(elsewhere.resolve("kubesignin"), home.resolve(".cache/kubesignin"));
        cache = new TokenCache(home.resolve(".cache/kubesignin"));
        assertPrintedWithoutJvm(launch(Map.of("XDG_CACHE_HOME", " "), "get-token", "--profile", "demo"));
    }

    @Test
    void aTokenWithinTheSafetyMarginOrExpiredGoesToTheJvm() throws Exception {
        String idToken = cache.read("demo").orElseThrow().idToken();
        Instant now = Instant.now();

        cache.write("demo", new CachedToken(idToken, now.plusSeconds(59))); // Java would renew it first
        assertFallsBack(Map.of(), "get-token", "--profile", "demo");
        cache.write("demo", new CachedToken(idToken, now.minusSeconds(10)));
        assertFallsBack(Map.of(), "get-token", "--profile", "demo");

        cache.write("demo", new CachedToken(idToken, now.plusSeconds(180)));
        assertPrintedWithoutJvm(launch(Map.of(), "get-token", "--profile", "demo"));
    }

    @Test
    void missingOrDamagedFilesGoToTheJvm() throws Exception {
        Path deadline = cache.launcherDeadlineFile("demo");
        Path credential = cache.execCredentialFile("demo");
        String goodDeadline = Files.readString(deadline);
        String goodCredential = Files.readString(credential);

        Files.delete(deadline); // e.g. written by an older kubesignin
        assertFallsBack(Map.of(), "get-token", "--profile", "demo");
        for (String bad : new String[] {"", "\n", "99999999999", "99999999999\n\n", "+99999999999\n", "9999999999999999999\n", "1e20\n"}) {
            writeOwnerOnly(deadline, bad);
            assertFallsBack(Map.of(), "get-token", "--profile", "demo");
        }
        writeOwnerOnly(deadline, goodDeadline);
        assertPrintedWithoutJvm(launch(Map.of(), "get-token", "--profile", "demo"));

        Files.delete(credential);
        assertFallsBack(Map.of(), "get-token", "--profile", "demo");
        for (String bad : new String[] {"", goodCredential.replace("/v1\"", "/v1beta1\""), goodCredential.trim(), "{\"kind\":\"Other\"}\n"}) {
            writeOwnerOnly(credential, bad);
            assertFallsBack(Map.of(), "get-token", "--profile", "demo");
        }
        writeOwnerOnly(credential, goodCredential);
        assertPrintedWithoutJvm(launch(Map.of(), "get-token", "--profile", "demo"));

        deleteRecursively(cache.directory());
        assertFallsBack(Map.of(), "get-token", "--profile", "demo");
    }

    @Test
    void anotherExecCredentialVersionOrUnclearExecInfoGoesToTheJvm() throws Exception {
        for (String info : new String[] {
                "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"spec\":{\"interactive\":false}}",
                "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1alpha1\"}",
                // a second apiVersion, e.g. inside the cluster's config: which one is the top-level one is unclear
                "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"spec\":{\"cluster\":{\"config\":{\"apiVersion\":\"x/v2\"}}}}",
                "{\"\\u0061piVersion\":\"client.authentication.k8s.io/v1beta1\",\"apiVersion\":\"client.authentication.k8s.io/v1\"}",
                "{\"apiVersion\":\"client.authentication.k8s.io/v1\"", "not json", "{}"}) {
            Launch launch = launch(Map.of("KUBERNETES_EXEC_INFO", info), "get-token", "--profile", "demo");
            assertThat(launch.jvmArguments()).as(info).contains(List.of("get-token", "--profile", "demo"));
        }
    }

    @Test
    void anyOtherArgumentsGoToTheJvmUnchanged() throws Exception {
        for (String[] args : new String[][] {{}, {"--version"}, {"get-token"}, {"get-token", "--profile"}, {"get-token", "--profile="},
                {"get-token", "--profile", "demo", "--verbose"}, {"get-token", "--profile", "demo", ""}, {"--profile", "demo", "get-token"},
                {"get-token", "--profile", "demo", "--profile", "demo"}, {"get-token", "-p", "demo"}, {"get-token", "--profile ", "demo"},
                {"login", "--profile", "demo"}, {"inspect", "a b", "c\td"}}) {
            assertFallsBack(Map.of(), args);
        }
    }

    @Test
    void aProfileNameThatIsNoPlainNameGoesToTheJvm() throws Exception {
        // were the name used as it is, these would reach demo's files through a sub-directory or the parent
        Files.createDirectories(cache.directory().resolve("x"));
        Files.createDirectories(home.resolve(".cache/kubesignin-copy"));
        Files.copy(cache.execCredentialFile("demo"), home.resolve(".cache/kubesignin-copy/demo.exec-credential.json"));
        Files.copy(cache.launcherDeadlineFile("demo"), home.resolve(".cache/kubesignin-copy/demo.exec-credential.until"));
        for (String name : new String[] {"x/../demo", "./demo", "../kubesignin-copy/demo", "-demo", "_demo", ".demo", "demo ", "de mo",
                "démo", "a".repeat(64), ""}) {
            assertFallsBack(Map.of(), "get-token", "--profile", name);
            assertFallsBack(Map.of(), "get-token", "--profile=" + name);
        }
        assertPrintedWithoutJvm(launch(Map.of(), "get-token", "--profile", "demo"));
    }

    @Test
    void symlinksAndFilesOthersCouldChangeGoToTheJvm() throws Exception {
        Path credential = cache.execCredentialFile("demo");
        Path deadline = cache.launcherDeadlineFile("demo");
        Path elsewhere = Files.copy(credential, home.resolve("credential-elsewhere.json"));

        Files.move(credential, home.resolve("moved.json"));
        Files.createSymbolicLink(credential, elsewhere);
        assertFallsBack(Map.of(), "get-token", "--profile", "demo");
        Files.delete(credential);
        Files.move(home.resolve("moved.json"), credential);

        Path deadlineElsewhere = Files.move(deadline, home.resolve("deadline-elsewhere"));
        Files.createSymbolicLink(deadline, deadlineElsewhere);
        assertFallsBack(Map.of(), "get-token", "--profile", "demo");
        Files.delete(deadline);
        Files.move(deadlineElsewhere, deadline);
        assertPrintedWithoutJvm(launch(Map.of(), "get-token", "--profile", "demo"));

        for (Path file : List.of(credential, deadline)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            assertFallsBack(Map.of(), "get-token", "--profile", "demo");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        Files.setPosixFilePermissions(cache.directory(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertFallsBack(Map.of(), "get-token", "--profile", "demo");
        Files.setPosixFilePermissions(cache.directory(), PosixFilePermissions.fromString("rwx------"));
        assertPrintedWithoutJvm(launch(Map.of(), "get-token", "--profile", "demo"));
    }

    @Test
    void filesOwnedBySomeoneElseGoToTheJvm() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file to another user");
        Path credential = cache.execCredentialFile("demo");
        var nobody = credential.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        var me = Files.getOwner(credential);
        for (Path file : List.of(credential, cache.launcherDeadlineFile("demo"), cache.directory())) {
            Files.setOwner(file, nobody);
            assertFallsBack(Map.of(), "get-token", "--profile", "demo");
            Files.setOwner(file, me);
        }
        assertPrintedWithoutJvm(launch(Map.of(), "get-token", "--profile", "demo"));
    }

    @Test
    void afterLogoutTheLauncherNoLongerPrintsTheToken() throws Exception {
        assertPrintedWithoutJvm(launch(Map.of(), "get-token", "--profile", "demo"));

        ok(cli.run("logout", "--profile", "demo"));

        assertThat(cache.launcherDeadlineFile("demo")).doesNotExist();
        assertThat(cache.execCredentialFile("demo")).doesNotExist();
        assertFallsBack(Map.of(), "get-token", "--profile", "demo");
    }

    @Test
    void throughASymlinkTheJvmLauncherBesideTheRealFileIsUsed() throws Exception {
        // like /usr/bin/kubectl-signin -> /opt/kubesignin/bin/kubectl-signin, with no kubesignin-cli in /usr/bin
        Path usrBin = Files.createDirectories(home.resolve("usr/bin"));
        Path link = Files.createSymbolicLink(usrBin.resolve("kubectl-signin"), launcher);

        assertFellBack(launchVia(link, Map.of(), "--version"), "--version");
        assertPrintedWithoutJvm(launchVia(link, Map.of(), "get-token", "--profile", "demo"));
        // started by a bare name found on PATH, too
        Files.deleteIfExists(marker);
        Process onPath = new ProcessBuilder("sh", "-c", "PATH='" + usrBin + "':/usr/bin:/bin kubectl-signin version").directory(home.toFile()).start();
        assertThat(onPath.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(onPath.exitValue()).isEqualTo(42);
        assertThat(Files.readAllLines(marker)).containsExactly("version");
    }

    @Test
    void withoutTheJvmLauncherItSaysSoInOneLine() throws Exception {
        Files.delete(bin.resolve("kubesignin-cli"));

        Launch launch = launch(Map.of(), "get-token", "--profile", "other");

        assertThat(launch.exitCode()).isEqualTo(1);
        assertThat(launch.out()).isEmpty();
        assertThat(launch.err().lines().toList()).containsExactly("kubectl-signin: cannot start " + bin.resolve("kubesignin-cli")
                + " (No such file or directory); reinstall kubesignin");
    }

    @Test
    void realKubectlUsesTheCachedTokenThroughTheLauncherAndTheJvmWhenNeeded() throws Exception {
        assumeTrue(commandWorks("kubectl", "version", "--client"), "kubectl on PATH");
        // the fallback is the real jar this time, still noting that it ran
        Path jar = PROJECT.resolve("target/kubesignin.jar");
        assertThat(jar).exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.writeString(bin.resolve("kubesignin-cli"), "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + marker + "'\nexec '" + java
                + "' -jar '" + jar + "' \"$@\"\n");
        try (TokenCheckingApiServer apiServer = TokenCheckingApiServer.start(demo.issuer(), DemoData.CLIENT_ID)) {
            cli.selfCommand = List.of(launcher.toString());
            ok(cli.run("kubeconfig", "write", "--profile", "demo", "--server", apiServer.url().toString(),
                    "--certificate-authority", demo.caFile().toString(), "--set-current"));
            assertThat(Files.readString(home.resolve(".kube/config"))).contains("command: " + launcher);

            Launch direct = kubectl("get", "--raw", "/whoami");
            assertThat(direct.exitCode()).as(direct.err()).isZero();
            assertThat(direct.outText()).contains("\"email\":\"" + DemoData.EMAIL + "\"");
            assertThat(direct.jvmArguments()).as("the cached token needed no JVM").isEmpty();

            Files.delete(cache.launcherDeadlineFile("demo")); // the launcher cannot tell: Java decides
            Launch viaJvm = kubectl("get", "--raw", "/whoami");
            assertThat(viaJvm.exitCode()).as(viaJvm.err()).isZero();
            assertThat(viaJvm.outText()).contains(DemoData.EMAIL);
            assertThat(viaJvm.jvmArguments()).contains(List.of("get-token", "--profile", "demo"));
            assertThat(apiServer.rejectedRequests()).isZero();
        }
    }

    private Launch kubectl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("kubectl"));
        command.addAll(List.of(args));
        Files.deleteIfExists(marker);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString()));
        builder.environment().remove("KUBECONFIG");
        builder.environment().remove("XDG_CACHE_HOME");
        builder.environment().remove("XDG_CONFIG_HOME");
        builder.environment().putAll(env);
        Process process = builder.redirectError(home.resolve("kubectl.err").toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Optional<List<String>> arguments = Files.exists(marker) ? Optional.of(Files.readAllLines(marker)) : Optional.empty();
        return new Launch(process.exitValue(), out, Files.readString(home.resolve("kubectl.err")), arguments);
    }

    /** As TokenCache writes its files (0600), so that only the content differs. */
    private static void writeOwnerOnly(Path file, String content) throws java.io.IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (java.io.IOException | InterruptedException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
