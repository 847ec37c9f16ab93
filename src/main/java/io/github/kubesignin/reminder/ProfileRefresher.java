package io.github.kubesignin.reminder;

/** Renews one profile's id_token now (refresh token, else remembered password); blocks while it talks to the issuer. */
@FunctionalInterface
public interface ProfileRefresher {

    /** @throws RuntimeException with a message a person can act on when the token cannot be renewed */
    void refresh(String profile);
}
