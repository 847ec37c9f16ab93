package io.github.kubesignin.profile;

import java.util.List;

/** A profile that fails validation; nothing was saved. */
public class InvalidProfileException extends RuntimeException {
    private final List<String> problems;

    public InvalidProfileException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
