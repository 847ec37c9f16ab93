package io.github.kubesignin.oidc;

/** The grants kubesignin uses, with the words and error handling that differ between them. */
enum GrantKind {
    PASSWORD("password"), REFRESH("refresh_token"), AUTHORIZATION_CODE("authorization code"),
    DEVICE_CODE("device authorization");

    final String words;

    GrantKind(String words) {
        this.words = words;
    }
}
