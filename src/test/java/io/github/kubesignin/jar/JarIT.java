package io.github.kubesignin.jar;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a newcomer uses it: from any directory, as separate processes. */
class JarIT {
    static final Path JAR = Path.of(System.getProperty("user.dir"), "target", "kubesignin.jar").toAbsolutePath();
    static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    Path home;

    record Run(int exitCode, String out, String err, Duration took) {
    }

    private ProcessBuilder command(String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.put("HOME", home.toString());
        env.remove("XDG_CONFIG_HOME");
        env.remove("XDG_CACHE_HOME");
        return builder;
    }

    private Run run(ProcessBuilder builder, String stdin) throws Exception {
        long start = System.nanoTime();
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("process ended").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err), Duration.ofNanos(System.nanoTime() - start));
    }

    @Test
    void printsItsVersionFromAnyDirectory() throws Exception {
        Run run = run(command("--version"), "");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("kubesignin ").doesNotContain("development build");
    }

    @Test
    void demoInOneProcessAndLoginInAnother() throws Exception {
        Process demo = command("demo").redirectErrorStream(true).start();
        try {
            BufferedReader demoOut = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder printed = new StringBuilder();
            String line;
            while ((line = demoOut.readLine()) != null && !line.contains("Ctrl-C")) {
                printed.append(line).append('\n');
            }
            assertThat(printed).contains("Demo issuer running at https://127.0.0.1:", "user:      alice", "kubesignin login --profile demo");

            Run login = run(command("login", "--profile", "demo", "--password-stdin"), "alice-password\n");
            assertThat(login.exitCode()).as(login.err()).isZero();
            assertThat(login.out()).contains("Signed in to 'demo' as alice@example.com", "developers");

            // kubectl's path: with the token cached, get-token loads no parser, keychain, JOSE, TLS or toolkit code
            Path classLog = home.resolve("classes.log");
            ProcessBuilder getToken = command("get-token", "--profile", "demo");
            getToken.command().add(1, "-Xlog:class+load:file=" + classLog);
            Run credential = run(getToken, "");
            assertThat(credential.exitCode()).as(credential.err()).isZero();
            assertThat(credential.out()).startsWith("{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\"");
            assertThat(Files.readAllLines(classLog)).noneMatch(loaded -> loaded.matches(
                    ".*\\b(com\\.nimbusds|javafx|picocli|com\\.github\\.javakeyring|org\\.freedesktop|javax\\.net\\.ssl|java\\.net\\.http|org\\.yaml)\\..*"));
        } finally {
            demo.destroy();
            assertThat(demo.waitFor(10, TimeUnit.SECONDS)).as("demo stops on SIGTERM").isTrue();
        }
    }

    @Test
    void aRestartedDemoKeepsTheSignInMethodChosenForIt() throws Exception {
        Run added = run(command("profile", "add", "demo", "--issuer", "https://127.0.0.1:1", "--client-id", "kubesignin",
                "--public", "--sign-in", "device"), "");
        assertThat(added.exitCode()).as(added.err()).isZero();
        Process demo = command("demo").redirectErrorStream(true).start();
        try {
            BufferedReader demoOut = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = demoOut.readLine()) != null && !line.contains("Ctrl-C")) {
                // the demo has saved its profile once it says how to stop it
            }
            Run shown = run(command("profile", "show", "demo", "--json"), "");
            assertThat(shown.out()).contains("\"signInMethod\": \"device\"").doesNotContain("https://127.0.0.1:1\"");
        } finally {
            demo.destroy();
            assertThat(demo.waitFor(10, TimeUnit.SECONDS)).as("demo stops on SIGTERM").isTrue();
        }
    }

    @Test
    void withoutAKeychainACommandThatNeedsOneSaysSoAndExitsQuickly() throws Exception {
        ProcessBuilder builder = command("profile", "add", "prod", "--issuer", "https://idp.example.com", "--client-id", "kube",
                "--client-secret-stdin");
        builder.environment().remove("DBUS_SESSION_BUS_ADDRESS");
        Run run = run(builder, "a-client-secret\n");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("kubesignin: the OS keychain is unavailable: ").contains("dbus-run-session");
        assertThat(run.out()).isEmpty();
        assertThat(run.took()).as("the whole command, JVM start included").isLessThan(Duration.ofSeconds(2));
        assertThat(home.resolve(".config/kubesignin/profiles.properties")).doesNotExist();
    }

    @Test
    void malformedTokenGetsOneLine() throws Exception {
        Run run = run(command("inspect", "-"), "garbage\n");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().toList()).containsExactly("kubesignin: not a JWT: expected 3 parts separated by dots, found 1");
    }
}
