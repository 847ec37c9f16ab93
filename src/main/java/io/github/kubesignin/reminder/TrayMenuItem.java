package io.github.kubesignin.reminder;

import java.util.List;

/** One line of the tray menu, as plain data: the tray only renders these, so the menu's logic tests without a tray. */
public sealed interface TrayMenuItem {

    /**
     * A profile with what its token is doing ("alice@example.com until 14:05", "expired", "signed out"), what can be
     * done about it, and its reminder settings (changed from the same submenu).
     */
    record ProfileEntry(String profile, String state, List<ProfileAction> actions, ReminderSettings reminder)
            implements TrayMenuItem {
        /** The lead times the menu offers; a hand-edited other value is still shown as the current one. */
        public static final List<java.time.Duration> LEAD_TIME_CHOICES = List.of(java.time.Duration.ofMinutes(1),
                java.time.Duration.ofMinutes(5), java.time.Duration.ofMinutes(10), java.time.Duration.ofMinutes(15),
                java.time.Duration.ofMinutes(30));

        public ProfileEntry {
            actions = List.copyOf(actions);
        }

        /** The offered lead times plus the current one, shortest first. */
        public List<java.time.Duration> leadTimeChoices() {
            java.util.TreeSet<java.time.Duration> choices = new java.util.TreeSet<>(LEAD_TIME_CHOICES);
            choices.add(reminder.leadTime());
            return List.copyOf(choices);
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
