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
        // kubeadm's ClusterConfiguration patched by kind; the patch is a YAML document inside a literal block
        StringBuilder patch = new StringBuilder("kind: ClusterConfiguration\napiServer:\n  extraArgs:\n");
        for (Map.Entry<String, String> flag : ApiServerFlags.of(s, ApiServerFlags.CA_PATH)) {
            patch.append("    ").append(flag.getKey()).append(": ").append(YamlText.scalar(flag.getValue())).append('\n');
        }
        out.append("  kubeadmConfigPatches:\n  - ").append(YamlText.literal(patch.toString(), "    "));
        return out.toString();
    }

    public static Snippet snippet(ApiServerOidc s) {
        return new Snippet("kind cluster config", "save as kind-oidc.yaml and run: kind create cluster --config kind-oidc.yaml"
                + " (merge into your own config if you have one)", yaml(s), ApiServerFlags.notes(s, ApiServerFlags.CA_PATH).stream()
                .filter(note -> !note.startsWith("copy ")).toList());
    }
}
