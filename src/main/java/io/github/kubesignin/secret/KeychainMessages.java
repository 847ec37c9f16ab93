package io.github.kubesignin.secret;

import java.time.Duration;

/** The words a person reads when the keychain cannot be used: each says what is wrong and how to fix it. */
final class KeychainMessages {
    private static final String HOW_TO_GET_A_BUS =
            "Start a desktop session, or run under `dbus-run-session` with gnome-keyring-daemon unlocked (see README)";

    static final String NO_SESSION_BUS =
            "No OS keychain: no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set). " + HOW_TO_GET_A_BUS + ".";

    static final String NO_PROVIDER =
            "No OS keychain: no Secret Service provider on the session bus "
                    + "(install and start gnome-keyring or KeePassXC's Secret Service).";

    static final String LOCKED_OR_MISSING =
            "The OS keychain cannot be used: the login keyring is locked or missing: unlock it (log in to the desktop, "
                    + "or `printf %s PASSWORD | gnome-keyring-daemon --unlock --components=secrets`) "
                    + "or create a default keyring, e.g. with Seahorse (\"Passwords and Keys\").";

    private KeychainMessages() {
    }

    static String busUnreachable(String address, Throwable cause) {
        return "No OS keychain: cannot connect to the D-Bus session bus at " + address + " (" + describe(cause) + "). "
                + HOW_TO_GET_A_BUS + ".";
    }

    static String noBackend(String osName, Throwable cause) {
        return "No OS keychain: none that kubesignin can use on " + osName + " (" + describe(cause) + ").";
    }

    static String timedOut(String what, Duration timeout) {
        return "The OS keychain did not answer within " + timeout.toMillis() + " ms while " + what
                + ": the Secret Service may be hung or waiting for an unlock prompt. "
                + "Unlock the keyring or restart gnome-keyring-daemon, then try again.";
    }

    static String failed(String what, String description) {
        return "The OS keychain failed while " + what + ": " + description;
    }

    /** Class and message only; callers make sure the message cannot hold a secret. */
    static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
