package io.github.kubesignin.issuer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A person who can sign in to the embedded issuer with the password grant.
 *
 * @param email may be null (then no email claims are issued)
 * @param name  may be null (then no name claim is issued)
 */
public record IssuerUser(String username, String password, String email, boolean emailVerified,
                         List<String> groups, String name) {
    public IssuerUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** The {@code sub} claim: stable across restarts because it derives from the username only. */
    public String subject() {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Keeps the password out of logs and assertion messages. */
    @Override
    public String toString() {
        return "IssuerUser[username=" + username + ", email=" + email + ", emailVerified=" + emailVerified
                + ", groups=" + groups + ", name=" + name + "]";
    }
}
