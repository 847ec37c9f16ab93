package io.github.kubesignin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "get-token", mixinStandardHelpOptions = true,
        description = {"The kubectl credential plugin: print an ExecCredential with the profile's id_token, renewing it when needed.",
                "kubeconfig's exec entry runs it; see 'kubesignin kubeconfig write'."})
final class GetTokenCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Option(names = "--profile", required = true, paramLabel = "NAME")
    String profileName;

    GetTokenCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return new GetToken(env).print(profileName);
    }
}
