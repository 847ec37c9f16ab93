package io.github.kubesignin.cluster;

import java.util.Map;

/** A kind cluster config whose control plane starts kube-apiserver with the OIDC flags (and the CA mounted). */
public final class KindConfig {
    private KindConfig() {
    }

    public static String yaml(ApiServerOidc s) {
        StringBuilder out = new StringBuilder("""
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                nodes:
                - role: control-plane
                """);
        s.caFileIfAny().ifPresent(ca -> out.append("  extraMounts:\n")
                .append("  - hostPath: ").append(YamlText.scalar(ca.toAbsolutePath().toString())).append('\n')
                .append("    containerPath: ").append(ApiServerFlags.CA_PATH).append('\n')
                .append("    readOnly: true\n"));
        // kubeadm's ClusterConfiguration patched by kind; the patch is a YAML document inside a literal block. kind
        // uses kubeadm's v1beta4 API for Kubernetes 1.31+, where extraArgs is a list of name/value pairs.
        StringBuilder patch = new StringBuilder("kind: ClusterConfiguration\napiServer:\n  extraArgs:\n");
        for (Map.Entry<String, String> flag : ApiServerFlags.of(s, ApiServerFlags.CA_PATH)) {
            patch.append("  - name: ").append(flag.getKey()).append('\n')
                    .append("    value: ").append(YamlText.scalar(flag.getValue())).append('\n');
        }
        out.append("  kubeadmConfigPatches:\n  - ").append(YamlText.literal(patch.toString(), "    "));
        return out.toString();
    }

    public static Snippet snippet(ApiServerOidc s) {
        java.util.List<String> notes = new java.util.ArrayList<>(ApiServerFlags.notes(s, ApiServerFlags.CA_PATH).stream()
                .filter(note -> !note.startsWith("copy ")).toList());
        notes.add("node images before Kubernetes 1.31 use kubeadm v1beta3, where extraArgs is a map: write each pair as 'name: value'");
        return new Snippet("kind cluster config", "save as kind-oidc.yaml and run: kind create cluster --config kind-oidc.yaml"
                + " (merge into your own config if you have one)", yaml(s), notes);
    }
}
