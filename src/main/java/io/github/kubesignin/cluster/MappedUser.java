package io.github.kubesignin.cluster;

import java.util.List;

/** The identity the API server gives a token it accepts: what RBAC subjects must name. */
public record MappedUser(String username, List<String> groups) {
    public MappedUser {
        groups = List.copyOf(groups);
    }

    @Override
    public String toString() {
        return "user `" + username + "` in groups `" + groups + "`";
    }
}
