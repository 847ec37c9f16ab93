package io.github.kubesignin.kubeconfig;

/** The three named lists of a kubeconfig and the key that holds each entry's body. */
enum Section {
    CLUSTERS("clusters", "cluster"),
    CONTEXTS("contexts", "context"),
    USERS("users", "user");

    final String listKey;
    final String bodyKey;

    Section(String listKey, String bodyKey) {
        this.listKey = listKey;
        this.bodyKey = bodyKey;
    }
}
