package io.github.kubesignin.cli;

import io.github.kubesignin.session.LogoutResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Sign out: revoke the refresh token where the issuer offers it, and delete the session's secrets and cached token.")
final class LogoutCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--profile", paramLabel = "NAME", description = "The profile to sign out of.")
        String profileName;

        @Option(names = "--all", description = "Sign out of every profile.")
        boolean all;
    }

    LogoutCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        List<LogoutResult> results = which.all
                ? env.app().sessions().logoutAll()
                : List.of(env.app().sessions().logout(which.profileName));
        results.forEach(result -> env.out().println(result.describe()));
        if (results.isEmpty()) {
            env.out().println("No profiles, so no sessions.");
        }
        return 0;
    }
}
