package io.github.kubesignin.cli;

import io.github.kubesignin.kubeconfig.KubeconfigMode;
import io.github.kubesignin.kubeconfig.KubeconfigSetup;
import io.github.kubesignin.kubeconfig.MalformedKubeconfigException;
import io.github.kubesignin.token.HumanTime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "write", mixinStandardHelpOptions = true,
        description = {"Add or replace the profile's user (and with --server, a cluster and context) in a kubeconfig.",
                "Every other entry and comment stays; the old file is backed up next to it (the last 5 are kept).",
                "Options not given are taken from the last write for this profile."})
final class KubeconfigWriteCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Option(names = "--profile", required = true, paramLabel = "NAME")
    String profileName;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "The file to write (default: the first of $KUBECONFIG, else ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--mode", paramLabel = "exec|auth-provider|token",
            description = "exec (default): kubectl runs 'kubesignin get-token', no secret in the file. auth-provider and token put secrets in the file in plain text.")
    String mode;

    @Option(names = "--user", paramLabel = "NAME", description = "Name of the kubeconfig user (default: the profile's name).")
    String user;

    @Option(names = "--context", paramLabel = "NAME", description = "Context to create or point at the user (default with --server: the profile's name).")
    String context;

    @Option(names = "--server", paramLabel = "URL", description = "API server URL: also writes a cluster and a context.")
    String server;

    @ArgGroup(exclusive = true)
    ClusterCa clusterCa = new ClusterCa();

    static final class ClusterCa {
        @Option(names = "--certificate-authority", paramLabel = "FILE", description = "The API server's CA certificate file.")
        Path file;

        @Option(names = "--certificate-authority-data", paramLabel = "B64", description = "The API server's CA certificate, base64-encoded PEM.")
        String data;
    }

    @Option(names = "--set-current", description = "Make the context the current one.")
    boolean setCurrent;

    @Option(names = "--dry-run", description = "Print the change as a unified diff and write nothing.")
    boolean dryRun;

    KubeconfigWriteCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        if ((clusterCa.file != null || clusterCa.data != null) && server == null) {
            throw new UserError("--certificate-authority(-data) goes with --server");
        }
        KubeconfigSetup.Outcome outcome;
        try {
            outcome = env.app().kubeconfigSetup().write(new KubeconfigSetup.Request(profileName, Optional.ofNullable(kubeconfig),
                    Optional.ofNullable(mode).map(KubeconfigWriteCommand::parseMode), Optional.ofNullable(user),
                    Optional.ofNullable(context), Optional.ofNullable(server), Optional.ofNullable(clusterCa.file).map(Path::toAbsolutePath),
                    Optional.ofNullable(clusterCa.data), setCurrent, dryRun));
        } catch (MalformedKubeconfigException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (dryRun) {
            env.out().print(outcome.shownDiff().isEmpty() ? "No change to " + outcome.file() + ".\n" : outcome.shownDiff());
            return 0;
        }
        report(outcome);
        return 0;
    }

    private void report(KubeconfigSetup.Outcome outcome) {
        if (!outcome.written()) {
            env.out().println(outcome.file() + " already has this user" + outcome.context().map(c -> " and context '" + c + "'").orElse("") + "; nothing changed.");
        } else {
            env.out().println("Wrote user '" + outcome.user() + "' (" + describe(outcome.mode()) + ")"
                    + outcome.context().map(c -> " and context '" + c + "'").orElse("") + " to " + outcome.file() + ".");
            outcome.backup().ifPresent(b -> env.out().println("The previous file is saved as " + b + "."));
        }
        if (outcome.mode() == KubeconfigMode.AUTH_PROVIDER) {
            env.err().println("warning: " + outcome.file() + " now holds secrets in plain text (the id_token, and the refresh token"
                    + " and client secret where there are any): anyone who can read the file can act as you until the refresh token"
                    + " is revoked ('kubesignin logout'). The exec mode keeps them in the OS keychain.");
        }
        if (outcome.mode() == KubeconfigMode.TOKEN) {
            Instant now = env.app().clock().instant();
            String until = outcome.staticToken().map(t -> " It expires at " + HumanTime.local(t.expiry(), now, env.app().zone())
                    + " (" + HumanTime.relative(t.expiry(), now) + "); run this command again after that.").orElse("");
            env.err().println("warning: " + outcome.file() + " now holds your id_token in plain text: anyone who can read the file"
                    + " can act as you until it expires." + until + " The exec mode renews it by itself.");
        }
        outcome.context().ifPresentOrElse(
                c -> env.out().println("Try it: kubectl --kubeconfig " + outcome.file() + " --context " + c + " get --raw /version"),
                () -> env.out().println("Only the user was written. Give --server URL to add a cluster and context, or point an existing"
                        + " context at it: kubectl config set-context CONTEXT --user " + outcome.user()));
    }

    private static String describe(KubeconfigMode mode) {
        return switch (mode) {
            case EXEC -> "exec: kubectl runs kubesignin get-token";
            case AUTH_PROVIDER -> "auth-provider: kubectl's built-in OIDC refresher";
            case TOKEN -> "a static token";
        };
    }

    private static KubeconfigMode parseMode(String word) {
        try {
            return KubeconfigMode.fromWord(word);
        } catch (IllegalArgumentException e) {
            throw new UserError("--mode: " + e.getMessage());
        }
    }
}
