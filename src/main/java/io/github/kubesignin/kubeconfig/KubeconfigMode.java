package io.github.kubesignin.kubeconfig;

import java.util.Locale;

/** How the kubeconfig user gets its token. */
public enum KubeconfigMode {
    /** kubectl runs {@code kubesignin get-token}: no secret in the file. */
    EXEC("exec"),
    /** kubectl's legacy built-in OIDC refresher: client secret and refresh token in plain text. */
    AUTH_PROVIDER("auth-provider"),
    /** A static id_token in plain text, for tools that support nothing else; stops working when it expires. */
    TOKEN("token");

    private final String word;

    KubeconfigMode(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static KubeconfigMode fromWord(String word) {
        for (KubeconfigMode mode : values()) {
            if (mode.word.equals(word.toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown kubeconfig mode '" + word + "' (expected exec, auth-provider or token)");
    }
}
