package io.github.kubesignin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a profile and all its secrets from the keychain.")
final class ProfileRemoveCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    ProfileRemoveCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        env.app().profileService().remove(name);
        env.out().println("Removed profile '" + name + "' and its secrets.");
        return 0;
    }
}
