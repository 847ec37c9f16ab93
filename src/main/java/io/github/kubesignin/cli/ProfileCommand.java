package io.github.kubesignin.cli;

import picocli.CommandLine.Command;

@Command(name = "profile",
        mixinStandardHelpOptions = true,
        description = "Add, list, show, check and remove issuer profiles.",
        subcommands = {ProfileAddCommand.class, ProfileListCommand.class, ProfileShowCommand.class,
                ProfileDiscoverCommand.class, ProfileRemoveCommand.class})
final class ProfileCommand {
}
