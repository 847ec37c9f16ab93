package io.github.kubesignin.cli;

import io.github.kubesignin.app.AppContext;
import io.github.kubesignin.json.JsonException;
import io.github.kubesignin.oidc.OidcException;
import io.github.kubesignin.profile.InvalidProfileException;
import io.github.kubesignin.profile.MalformedProfileFileException;
import io.github.kubesignin.profile.UnknownProfileException;
import io.github.kubesignin.secret.SecretStoreUnavailableException;
import io.github.kubesignin.session.SessionLockTimeoutException;
import io.github.kubesignin.session.SignInRequiredException;
import io.github.kubesignin.token.MalformedTokenException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** Runs one command line. Exit codes: 0 done, 1 failed, 2 wrong usage. */
public final class CommandLineMain {
    private CommandLineMain() {
    }

    /** The process entry point: real streams, real terminal, real keychain. */
    public static int run(String[] args) {
        try (AppContext app = AppContext.production()) {
            return run(args, systemEnvironment(app));
        }
    }

    static CliEnvironment systemEnvironment(AppContext app) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return new CliEnvironment(app, System.in, out, err, Terminal.system());
    }

    public static int run(String[] args, CliEnvironment env) {
        boolean verbose = List.of(args).contains("--verbose");
        CommandLine commandLine = new CommandLine(RootCommand.class, new InjectingFactory(env));
        commandLine.setOut(env.out());
        commandLine.setErr(env.err());
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> fail(e, env, verbose));
        int code = commandLine.execute(args);
        env.out().flush();
        env.err().flush();
        return code;
    }

    static int fail(Exception e, CliEnvironment env, boolean verbose) {
        env.err().println("kubesignin: " + describe(e));
        if (verbose) {
            e.printStackTrace(env.err());
        }
        env.out().flush();
        env.err().flush();
        return 1;
    }

    /** One line for the person; a stack trace only with --verbose. */
    private static String describe(Exception e) {
        if (e instanceof UserError || e instanceof OidcException || e instanceof UnknownProfileException
                || e instanceof MalformedProfileFileException || e instanceof MalformedTokenException
                || e instanceof JsonException || e instanceof UncheckedIOException
                || e instanceof SignInRequiredException || e instanceof SessionLockTimeoutException) {
            return e.getMessage();
        }
        if (e instanceof InvalidProfileException invalid) {
            return "the profile was not saved: " + String.join("; ", invalid.problems());
        }
        if (e instanceof SecretStoreUnavailableException) {
            return "the OS keychain is unavailable: " + e.getMessage();
        }
        return "unexpected error: " + e + " (run again with --verbose for details)";
    }

    /** Gives every command that wants it the {@link CliEnvironment}. */
    private record InjectingFactory(CliEnvironment env) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliEnvironment.class).newInstance(env);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
