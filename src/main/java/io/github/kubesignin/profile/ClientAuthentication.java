package io.github.kubesignin.profile;

/** How the client proves itself at the token endpoint. */
public enum ClientAuthentication {
    /** HTTP Basic with client id and secret ({@code client_secret_basic}). */
    BASIC("basic"),
    /** Client id and secret in the form body ({@code client_secret_post}). */
    POST("post"),
    /** A public client: only the client id is sent. */
    PUBLIC("public");

    private final String word;

    ClientAuthentication(String word) {
        this.word = word;
    }

    /** The word used on the command line and in the profile file. */
    public String word() {
        return word;
    }

    public boolean needsSecret() {
        return this != PUBLIC;
    }

    public static ClientAuthentication fromWord(String word) {
        for (ClientAuthentication value : values()) {
            if (value.word.equalsIgnoreCase(word)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown client authentication '" + word + "' (expected basic, post or public)");
    }
}
