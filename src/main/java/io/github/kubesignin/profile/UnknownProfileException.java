package io.github.kubesignin.profile;

import java.util.List;

/** A profile name that is not in the profiles file; the message lists the ones that are. */
public class UnknownProfileException extends RuntimeException {
    private final List<String> existing;

    public UnknownProfileException(String name, List<String> existing) {
        super(existing.isEmpty()
                ? "no profile named '" + name + "': there are no profiles yet (add one with 'kubesignin profile add')"
                : "no profile named '" + name + "'; existing profiles: " + String.join(", ", existing));
        this.existing = List.copyOf(existing);
    }

    public List<String> existing() {
        return existing;
    }
}
