package io.github.kubesignin.cluster;

import java.util.List;

/** What the cluster said when asked who the token belongs to. */
public sealed interface LiveResult {
    /** One line for the person. */
    String summary();

    /** 2xx: the identity the cluster mapped. */
    record Mapped(String username, List<String> groups) implements LiveResult {
        public String summary() {
            return "the cluster sees user `" + username + "` in groups `" + groups + "`";
        }
    }

    /** 401: the API server did not accept the token; the likely causes come from the offline verdict. */
    record Unauthorized(List<String> likelyCauses) implements LiveResult {
        public String summary() {
            return "401 Unauthorized: the API server did not accept the token";
        }
    }

    /** 403: authenticated, but RBAC forbids even the self-review. */
    record Forbidden(String message) implements LiveResult {
        public String summary() {
            return "403 Forbidden: signed in, but RBAC does not allow it (" + message + ")";
        }
    }

    /** Anything else: unreachable, TLS failure, an unexpected status. */
    record Failed(String problem) implements LiveResult {
        public String summary() {
            return "the live check failed: " + problem;
        }
    }
}
