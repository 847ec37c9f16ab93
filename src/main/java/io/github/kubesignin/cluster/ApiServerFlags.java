package io.github.kubesignin.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The kube-apiserver {@code --oidc-*} flags for a profile. */
public final class ApiServerFlags {
    /** Where the flags expect the issuer's CA on the control-plane node (kubeadm mounts /etc/kubernetes/pki). */
    public static final String CA_PATH = "/etc/kubernetes/pki/oidc-ca.pem";

    private ApiServerFlags() {
    }

    /** Flag name (without "--") to value, in the order kube-apiserver's help lists them. */
    public static List<Map.Entry<String, String>> of(ApiServerOidc s, String caPathOnServer) {
        List<Map.Entry<String, String>> flags = new ArrayList<>();
        flags.add(Map.entry("oidc-issuer-url", s.issuerUrl()));
        flags.add(Map.entry("oidc-client-id", s.audiences().get(0)));
        flags.add(Map.entry("oidc-username-claim", s.usernameClaim()));
        if (s.usernamePrefix() != null && !s.usernamePrefix().isEmpty()) {
            flags.add(Map.entry("oidc-username-prefix", s.usernamePrefix()));
        }
        if (s.hasGroupsClaim()) {
            flags.add(Map.entry("oidc-groups-claim", s.groupsClaim()));
        }
        if (s.groupsPrefix() != null && !s.groupsPrefix().isEmpty()) {
            flags.add(Map.entry("oidc-groups-prefix", s.groupsPrefix()));
        }
        if (s.caFile() != null) {
            flags.add(Map.entry("oidc-ca-file", caPathOnServer));
        }
        if (!s.requiredClaims().isEmpty()) {
            // one flag with comma-separated pairs: the flag is a map, and kind/minikube cannot repeat a key
            List<String> pairs = new ArrayList<>();
            s.requiredClaims().forEach((claim, value) -> pairs.add(claim + "=" + value));
            flags.add(Map.entry("oidc-required-claim", String.join(",", pairs)));
        }
        if (!s.signingAlgs().equals(ApiServerOidc.DEFAULT_SIGNING_ALGS)) {
            flags.add(Map.entry("oidc-signing-algs", String.join(",", s.signingAlgs())));
        }
        return flags;
    }

    public static Snippet snippet(ApiServerOidc s) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> flag : of(s, CA_PATH)) {
            text.append("--").append(flag.getKey()).append('=').append(Shell.quote(flag.getValue())).append('\n');
        }
        return new Snippet("kube-apiserver flags",
                "add to the kube-apiserver command (kubeadm: /etc/kubernetes/manifests/kube-apiserver.yaml, one '- --flag=value' each)",
                text.toString(), notes(s, CA_PATH));
    }

    static List<String> notes(ApiServerOidc s, String caPath) {
        List<String> notes = new ArrayList<>();
        s.caFileIfAny().ifPresent(ca -> notes.add("copy " + ca + " to " + caPath + " on every control-plane node"));
        if (s.audiences().size() > 1) {
            notes.add("--oidc-client-id takes one audience; accepting " + s.audiences() + " needs the AuthenticationConfiguration");
        }
        if (s.issuerUrl().contains("://127.0.0.1") || s.issuerUrl().contains("://localhost")) {
            notes.add("the issuer is on localhost: an API server in a VM or container cannot reach it for discovery and keys");
        }
        return notes;
    }
}
