package io.github.kubesignin.kubeconfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Builds the bodies of user, cluster and context entries, as Maps for {@link KubeconfigDocument}'s upserts. */
public final class KubeconfigEntries {
    public static final String EXEC_API_VERSION = "client.authentication.k8s.io/v1";

    /** The keys kubectl's legacy oidc auth-provider understands. */
    public static final Set<String> AUTH_PROVIDER_KEYS = Set.of("idp-issuer-url", "client-id", "client-secret",
            "id-token", "refresh-token", "idp-certificate-authority", "idp-certificate-authority-data",
            "extra-scopes");

    private KubeconfigEntries() {
    }

    /**
     * An exec credential plugin user. {@code command} is the absolute program followed by its leading arguments
     * (e.g. java, -jar, the jar), {@code args} the rest (e.g. get-token, --profile, NAME).
     */
    public static Map<String, Object> execUser(List<String> command, List<String> args, String installHint) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the exec command needs at least the program");
        }
        if (!Path.of(command.get(0)).isAbsolute()) {
            // kubectl resolves a relative command against its own working directory or PATH: not reliable
            throw new IllegalArgumentException("the exec command must be an absolute path: " + command.get(0));
        }
        List<String> allArgs = new ArrayList<>(command.subList(1, command.size()));
        allArgs.addAll(args);
        Map<String, Object> exec = new LinkedHashMap<>();
        exec.put("apiVersion", EXEC_API_VERSION);
        exec.put("command", command.get(0));
        exec.put("args", allArgs);
        exec.put("interactiveMode", "IfAvailable");
        exec.put("provideClusterInfo", false);
        if (installHint != null && !installHint.isBlank()) {
            exec.put("installHint", installHint);
        }
        return single("exec", exec);
    }

    /** The legacy {@code auth-provider: oidc} user; null values are left out. */
    public static Map<String, Object> authProviderUser(Map<String, String> config) {
        Map<String, Object> values = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (!AUTH_PROVIDER_KEYS.contains(key)) {
                throw new IllegalArgumentException("not an oidc auth-provider setting: " + key);
            }
            if (value != null) {
                values.put(key, value);
            }
        });
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("config", values);
        provider.put("name", "oidc");
        return single("auth-provider", provider);
    }

    public static Map<String, Object> tokenUser(String token) {
        return single("token", Objects.requireNonNull(token, "token"));
    }

    /** A cluster with either a CA file (made absolute: kubectl resolves relative paths against the kubeconfig) or inline CA data. */
    public static Map<String, Object> cluster(String server, Optional<Path> caFile, Optional<String> caDataBase64) {
        if (caFile.isPresent() && caDataBase64.isPresent()) {
            throw new IllegalArgumentException("give either a certificate-authority file or certificate-authority-data, not both");
        }
        Map<String, Object> cluster = new LinkedHashMap<>();
        caDataBase64.ifPresent(data -> cluster.put("certificate-authority-data", data));
        caFile.ifPresent(file -> cluster.put("certificate-authority", file.toAbsolutePath().normalize().toString()));
        cluster.put("server", Objects.requireNonNull(server, "server"));
        return cluster;
    }

    public static Map<String, Object> context(String cluster, String user) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("cluster", Objects.requireNonNull(cluster, "cluster"));
        context.put("user", Objects.requireNonNull(user, "user"));
        return context;
    }

    private static Map<String, Object> single(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }
}
