package io.github.kubesignin.cli;

import io.github.kubesignin.app.AppContext;
import java.util.List;
import picocli.CommandLine;

/** Runs one command line. Exit codes: 0 done, 1 failed, 2 wrong usage. */
public final class CommandLineMain {
    private CommandLineMain() {
    }

    /** The process entry point: real streams, real terminal, real keychain. */
    public static int run(String[] args) {
        try (AppContext app = AppContext.production()) {
            return run(args, CliEnvironment.system(app));
        }
    }

    public static int run(String[] args, CliEnvironment env) {
        boolean verbose = List.of(args).contains("--verbose");
        CommandLine commandLine = new CommandLine(RootCommand.class, new InjectingFactory(env));
        commandLine.setOut(env.out());
        commandLine.setErr(env.err());
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> Failures.report(e, env, verbose));
        int code = commandLine.execute(args);
        env.out().flush();
        env.err().flush();
        return code;
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
