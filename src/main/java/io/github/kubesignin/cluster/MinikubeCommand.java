package io.github.kubesignin.cluster;

import java.util.Map;

/** The {@code minikube start} line that passes the same flags through {@code --extra-config=apiserver.…}. */
public final class MinikubeCommand {
    /** minikube copies ~/.minikube/files/PATH to PATH in the node; this folder is mounted into the API server. */
    public static final String CA_PATH = "/var/lib/minikube/certs/oidc-ca.pem";

    private MinikubeCommand() {
    }

    public static String line(ApiServerOidc s) {
        StringBuilder line = new StringBuilder("minikube start");
        for (Map.Entry<String, String> flag : ApiServerFlags.of(s, CA_PATH)) {
            line.append(" \\\n  ").append(Shell.quote("--extra-config=apiserver." + flag.getKey() + "=" + flag.getValue()));
        }
        return line.append('\n').toString();
    }

    public static Snippet snippet(ApiServerOidc s) {
        return new Snippet("minikube start line", "run it to (re)create the minikube cluster with OIDC sign-in",
                line(s), s.caFileIfAny().isPresent()
                        ? java.util.List.of("first: mkdir -p ~/.minikube/files" + parent(CA_PATH) + " && cp " + s.caFile()
                        + " ~/.minikube/files" + CA_PATH)
                        : java.util.List.of());
    }

    private static String parent(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }
}
