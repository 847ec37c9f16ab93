package io.github.kubesignin.cluster;

import io.github.kubesignin.kubeconfig.KubeconfigDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The API server a kubeconfig context points at: its URL and the CA its certificate must chain to (none: the
 * system's trust store).
 */
public record ClusterTarget(String context, URI server, Optional<String> caPem) {

    /** Reads the context's cluster entry; a relative certificate-authority path is relative to the kubeconfig file. */
    public static ClusterTarget fromKubeconfig(KubeconfigDocument kubeconfig, Path file, String contextName) {
        String name = contextName == null || contextName.isBlank() ? kubeconfig.currentContext() : contextName;
        if (name.isEmpty()) {
            throw new IllegalArgumentException(file + " has no current-context; name one with --context");
        }
        Map<String, Object> context = kubeconfig.context(name).orElseThrow(() -> new IllegalArgumentException(
                "context '" + name + "' is not in " + file + " (it has " + kubeconfig.contextNames() + ")"));
        String clusterName = String.valueOf(context.get("cluster"));
        Map<String, Object> cluster = kubeconfig.cluster(clusterName).orElseThrow(() -> new IllegalArgumentException(
                "context '" + name + "' names cluster '" + clusterName + "', which is not in " + file));
        Object server = cluster.get("server");
        if (!(server instanceof String url) || url.isBlank()) {
            throw new IllegalArgumentException("cluster '" + clusterName + "' in " + file + " has no server URL");
        }
        if (Boolean.TRUE.equals(cluster.get("insecure-skip-tls-verify")) || "true".equals(cluster.get("insecure-skip-tls-verify"))) {
            throw new IllegalArgumentException("cluster '" + clusterName + "' sets insecure-skip-tls-verify; kubesignin never sends"
                    + " a token without checking the server's certificate: add certificate-authority(-data) instead");
        }
        return new ClusterTarget(name, URI.create(url), ca(cluster, file));
    }

    private static Optional<String> ca(Map<String, Object> cluster, Path kubeconfigFile) {
        if (cluster.get("certificate-authority-data") instanceof String data && !data.isBlank()) {
            return Optional.of(new String(Base64.getMimeDecoder().decode(data), StandardCharsets.UTF_8));
        }
        if (cluster.get("certificate-authority") instanceof String file && !file.isBlank()) {
            Path path = kubeconfigFile.toAbsolutePath().getParent().resolve(file);
            try {
                return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the cluster CA " + path + ": " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }
}
