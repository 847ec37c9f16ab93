package io.github.kubesignin.cli;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The person at the keyboard, asked directly on the terminal and never through stdout. */
public interface Terminal {
    /** Reads a password without echo; empty when there is no terminal. */
    Optional<char[]> readPassword(String prompt);

    /** Reads a line; empty when there is no terminal. */
    Optional<String> readLine(String prompt);

    /** Whether a person sits at a terminal, so that opening a browser or waiting for a code makes sense. */
    default boolean isInteractive() {
        return false;
    }

    /**
     * The process's controlling terminal, if it has one. {@link System#console()} needs stdin and stdout on the
     * terminal; under kubectl stdout is a pipe, so {@code /dev/tty} is used directly, with echo turned off by stty.
     */
    static Terminal system() {
        return new Terminal() {
            @Override
            public Optional<char[]> readPassword(String prompt) {
                java.io.Console console = System.console();
                if (console != null) {
                    return Optional.ofNullable(console.readPassword("%s", prompt));
                }
                return DevTty.read(prompt, true).map(String::toCharArray);
            }

            @Override
            public Optional<String> readLine(String prompt) {
                java.io.Console console = System.console();
                if (console != null) {
                    return Optional.ofNullable(console.readLine("%s", prompt));
                }
                return DevTty.read(prompt, false);
            }

            @Override
            public boolean isInteractive() {
                return System.console() != null || DevTty.available();
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

    /** Talks to {@code /dev/tty} when stdout is not the terminal. */
    final class DevTty {
        private static final Path TTY = Path.of("/dev/tty");

        private DevTty() {
        }

        /** Opening is the only real test: without a controlling terminal /dev/tty exists but cannot be opened. */
        static boolean available() {
            if (!Files.isReadable(TTY)) {
                return false;
            }
            try (FileInputStream in = new FileInputStream(TTY.toFile())) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        static Optional<String> read(String prompt, boolean hidden) {
            if (!Files.isReadable(TTY) || !Files.isWritable(TTY)) {
                return Optional.empty();
            }
            try (Writer out = new OutputStreamWriter(new FileOutputStream(TTY.toFile()), StandardCharsets.UTF_8);
                 BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(TTY.toFile()), StandardCharsets.UTF_8))) {
                PrintWriter prompter = new PrintWriter(out, true);
                prompter.print(prompt);
                prompter.flush();
                if (hidden && !stty("-echo")) {
                    return Optional.empty();
                }
                try {
                    return Optional.ofNullable(in.readLine());
                } finally {
                    if (hidden) {
                        stty("echo");
                        prompter.println();
                    }
                }
            } catch (IOException e) {
                return Optional.empty(); // no usable terminal: the caller says what to do instead
            }
        }

        private static boolean stty(String setting) {
            try {
                Process process = new ProcessBuilder("stty", setting).redirectInput(TTY.toFile()).start();
                return process.waitFor() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
