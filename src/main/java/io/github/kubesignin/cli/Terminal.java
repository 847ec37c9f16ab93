package io.github.kubesignin.cli;

import java.util.Optional;

/** The person at the keyboard, asked directly on the terminal and never through stdout. */
public interface Terminal {
    /** Reads a password without echo; empty when there is no terminal. */
    Optional<char[]> readPassword(String prompt);

    /** Reads a line; empty when there is no terminal. */
    Optional<String> readLine(String prompt);

    /** The process's controlling terminal, if it has one. */
    static Terminal system() {
        return new Terminal() {
            @Override
            public Optional<char[]> readPassword(String prompt) {
                java.io.Console console = System.console();
                return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
            }

            @Override
            public Optional<String> readLine(String prompt) {
                java.io.Console console = System.console();
                return console == null ? Optional.empty() : Optional.ofNullable(console.readLine("%s", prompt));
            }
        };
    }

    /** No terminal at all, as under kubectl or in CI. */
    static Terminal none() {
        return new Terminal() {
            @Override
            public Optional<char[]> readPassword(String prompt) {
                return Optional.empty();
            }

            @Override
            public Optional<String> readLine(String prompt) {
                return Optional.empty();
            }
        };
    }
}
