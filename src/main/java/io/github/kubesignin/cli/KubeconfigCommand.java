package io.github.kubesignin.cli;

import picocli.CommandLine.Command;

@Command(name = "kubeconfig", mixinStandardHelpOptions = true,
        description = "Write the profile's user into a kubeconfig, so that plain kubectl signs in through kubesignin.",
        subcommands = KubeconfigWriteCommand.class)
final class KubeconfigCommand {
}
