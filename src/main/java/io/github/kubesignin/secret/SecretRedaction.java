package io.github.kubesignin.secret;

/** Keeps a secret out of the exceptions kubesignin throws, whatever a library put in its own messages. */
final class SecretRedaction {
    private SecretRedaction() {
    }

    /** {@code cause}, or null when its chain mentions {@code secret} anywhere (then it must not travel further). */
    static Throwable safeCause(Throwable cause, String secret) {
        if (secret == null || secret.isEmpty()) {
            return cause;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String text = t.toString();
            if (text.contains(secret)) {
                return null;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (String.valueOf(suppressed).contains(secret)) {
                    return null;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return cause;
    }
}
