package io.github.kubesignin.cli;

import io.github.kubesignin.json.Json;
import io.github.kubesignin.profile.Profile;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the profiles.")
final class ProfileListCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    ProfileListCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        List<Profile> profiles = env.app().profileStore().list();
        if (json) {
            env.out().println(Json.writePretty(profiles.stream().map(ProfileView::fields).toList()));
            return 0;
        }
        if (profiles.isEmpty()) {
            env.out().println("No profiles yet. Add one with 'kubesignin profile add NAME --issuer URL --client-id ID',"
                    + " or try 'kubesignin demo'.");
            return 0;
        }
        Table table = new Table("NAME", "ISSUER", "CLIENT ID", "AUTH", "USERNAME CLAIM");
        profiles.forEach(p -> table.row(p.name(), p.issuer().toString(), p.clientId(), p.authentication().word(), p.usernameClaim()));
        table.print(env.out());
        return 0;
    }
}
