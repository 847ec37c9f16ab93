package io.github.kubesignin.profile;

/** How a person signs in with a profile. */
public enum SignInMethod {
    /** Username and password sent to the token endpoint (the OAuth2 password grant). */
    PASSWORD("password"),
    /** The system browser: authorization code with PKCE on a loopback redirect (RFC 8252). */
    BROWSER("browser"),
    /** A code typed on another device (the device authorization grant, RFC 8628). */
    DEVICE("device");

    private final String word;

    SignInMethod(String word) {
        this.word = word;
    }

    /** The word used on the command line and in the profile file. */
    public String word() {
        return word;
    }

    public static SignInMethod fromWord(String word) {
        for (SignInMethod value : values()) {
            if (value.word.equalsIgnoreCase(word)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown sign-in method '" + word + "' (expected password, browser or device)");
    }
}
