package io.github.kubesignin.cli;

import io.github.kubesignin.json.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one profile's settings (secrets stay in the keychain).")
final class ProfileShowCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    ProfileShowCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Map<String, Object> fields = ProfileView.fields(env.app().profileStore().get(name));
        if (json) {
            env.out().println(Json.writePretty(fields));
            return 0;
        }
        fields.forEach((key, value) -> {
            if (value != null && !(value instanceof Map<?, ?> m && m.isEmpty())) {
                String text = value instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList())
                        : value instanceof Map<?, ?> ? Json.write(value) : String.valueOf(value);
                env.out().printf("%-22s %s%n", key + ":", text);
            }
        });
        return 0;
    }
}
