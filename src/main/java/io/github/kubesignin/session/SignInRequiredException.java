package io.github.kubesignin.session;

/**
 * The profile has no usable session left (no valid cached token, no working refresh token, no remembered password);
 * the message tells the person what to do. It never contains a secret.
 */
public class SignInRequiredException extends RuntimeException {
    private final String profile;

    public SignInRequiredException(String profile) {
        this(profile, null);
    }

    /** @param reason why the session ended, e.g. "the refresh token was rejected", or null */
    public SignInRequiredException(String profile, String reason) {
        super("profile '" + profile + "' needs a new sign-in" + (reason == null ? "" : " (" + reason + ")")
                + ": run 'kubesignin login --profile " + profile + "' or open the kubesignin app");
        this.profile = profile;
    }

    public String profile() {
        return profile;
    }
}
