package io.github.kubesignin.cli;

import io.github.kubesignin.app.AppContext;
import java.util.Optional;

/**
 * {@code get-token --profile NAME} without picocli: kubectl runs it before every command, so with a valid cached
 * token it loads only the JDK and a handful of kubesignin classes (no command-line parser, keychain, JOSE or TLS
 * code). Anything else goes through {@link CommandLineMain}.
 */
public final class GetTokenMain {
    private GetTokenMain() {
    }

    /** The profile name when {@code args} is the plain kubeconfig invocation. */
    public static Optional<String> simpleInvocation(String[] args) {
        if (args.length == 3 && args[0].equals("get-token") && args[1].equals("--profile")) {
            return Optional.of(args[2]);
        }
        if (args.length == 2 && args[0].equals("get-token") && args[1].startsWith("--profile=")) {
            return Optional.of(args[1].substring("--profile=".length()));
        }
        return Optional.empty();
    }

    public static int run(String profileName) {
        try (AppContext app = AppContext.production()) {
            return run(profileName, CliEnvironment.system(app));
        }
    }

    static int run(String profileName, CliEnvironment env) {
        try {
            return new GetToken(env).print(profileName);
        } catch (RuntimeException e) {
            return Failures.report(e, env, false);
        }
    }
}
