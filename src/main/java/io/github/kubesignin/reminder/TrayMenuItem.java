package io.github.kubesignin.reminder;

import java.util.List;

/** One line of the tray menu, as plain data: the tray only renders these, so the menu's logic tests without a tray. */
public sealed interface TrayMenuItem {

    /** A profile with what its token is doing ("alice@example.com until 14:05", "expired", "signed out"). */
    record ProfileEntry(String profile, String state, List<ProfileAction> actions) implements TrayMenuItem {
        public ProfileEntry {
            actions = List.copyOf(actions);
        }

        /** "work: alice@example.com until 14:05": the label the tray shows. */
        public String label() {
            return profile + ": " + state;
        }
    }

    record Separator() implements TrayMenuItem {
    }

    /** Brings the window to the front. */
    record OpenWindow() implements TrayMenuItem {
        public String label() {
            return "Open kubesignin";
        }
    }

    record Quit() implements TrayMenuItem {
        public String label() {
            return "Quit";
        }
    }
}
