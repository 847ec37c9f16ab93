package io.github.kubesignin.reminder;

/** What the tray menu offers for one profile. */
public enum ProfileAction {
    REFRESH_NOW("Refresh now"),
    SIGN_IN("Sign in…"),
    OPEN_INSPECTOR("Open inspector");

    private final String label;

    ProfileAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
