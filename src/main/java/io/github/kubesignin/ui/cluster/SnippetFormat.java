package io.github.kubesignin.ui.cluster;

/** The configurations the cluster admin can be given, as {@code kubesignin cluster-config --format} names them. */
public enum SnippetFormat {
    FLAGS("kube-apiserver flags"),
    MINIKUBE("minikube start"),
    KIND("kind cluster config"),
    AUTHN_V1("AuthenticationConfiguration v1 (Kubernetes 1.34+)"),
    AUTHN_V1BETA1("AuthenticationConfiguration v1beta1 (1.30–1.33)"),
    RBAC("RBAC binding");

    private final String label;

    SnippetFormat(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
