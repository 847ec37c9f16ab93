package io.github.kubesignin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "kubesignin",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Sign in to Kubernetes through OpenID Connect.",
        subcommands = {ProfileCommand.class, LoginCommand.class, KubeconfigCommand.class, LogoutCommand.class, GetTokenCommand.class, InspectCommand.class, DoctorCommand.class, ClusterConfigCommand.class, DemoCommand.class},
        footer = {"", "Run without arguments (or with 'gui') to open the window."})
public final class RootCommand {
    @Option(names = "--verbose", description = "Show stack traces of failures.", scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean verbose;
}
