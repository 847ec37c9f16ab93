package io.github.kubesignin.cli;

import io.github.kubesignin.app.AppContext;
import io.github.kubesignin.app.AppDirectories;
import io.github.kubesignin.oidc.HttpSettings;
import io.github.kubesignin.secret.InMemorySecretStore;
import io.github.kubesignin.secret.SecretStore;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Runs commands in-process the way the jar does, with a temporary home and an in-memory keychain. */
final class CliHarness {
    final Path home;
    final InMemorySecretStore keychain = new InMemorySecretStore();
    final List<String> everythingPrinted = new ArrayList<>();
    Supplier<SecretStore> secrets = () -> keychain;
    HttpSettings http = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(3));
    Clock clock = Clock.systemDefaultZone();
    Terminal terminal = Terminal.none();
    /** The browser the browser sign-in opens; null keeps the system's opener. */
    io.github.kubesignin.app.BrowserLauncher browser;
    final Map<String, String> environment = new java.util.HashMap<>();
    /** What an exec user in kubeconfig runs; the jar by default, so kubectl can start it after the test JVM ends. */
    List<String> selfCommand = List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
            Path.of("target", "kubesignin.jar").toAbsolutePath().toString());

    /** What the running command has printed on stderr so far, for a test thread that plays the person meanwhile. */
    volatile StringWriter liveErr = new StringWriter();

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    CliHarness(Path home) {
        this.home = home;
        environment.put("HOME", home.toString());
    }

    AppDirectories directories() {
        return AppDirectories.fromEnvironment(Map.of("HOME", home.toString()));
    }

    Result run(String... args) {
        return runWithStdin("", args);
    }

    Result runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        liveErr = err;
        try (AppContext app = new AppContext(directories(), clock, environment, secrets, http)) {
            app.useSelfCommand(selfCommand);
            if (browser != null) {
                app.useBrowser(browser);
            }
            CliEnvironment env = new CliEnvironment(app, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                    new PrintWriter(out, true), new PrintWriter(err, true), terminal);
            // the same split as Main: the plain get-token invocation skips picocli
            Optional<String> getTokenProfile = GetTokenMain.simpleInvocation(args);
            int code = getTokenProfile.isPresent() ? GetTokenMain.run(getTokenProfile.get(), env) : CommandLineMain.run(args, env);
            everythingPrinted.add(out.toString());
            everythingPrinted.add(err.toString());
            return new Result(code, out.toString(), err.toString());
        }
    }

    /** A terminal with a person at it who types nothing: the browser and device sign-ins may start. */
    static Terminal personAtTheTerminal() {
        return new Terminal() {
            @Override
            public Optional<char[]> readPassword(String prompt) {
                return Optional.empty();
            }

            @Override
            public Optional<String> readLine(String prompt) {
                return Optional.empty();
            }

            @Override
            public boolean isInteractive() {
                return true;
            }
        };
    }

    /** A terminal that answers the password prompt, like a person typing. */
    static Terminal typing(String password) {
        return new Terminal() {
            @Override
            public Optional<char[]> readPassword(String prompt) {
                return Optional.of(password.toCharArray());
            }

            @Override
            public Optional<String> readLine(String prompt) {
                return Optional.empty();
            }
        };
    }
}
