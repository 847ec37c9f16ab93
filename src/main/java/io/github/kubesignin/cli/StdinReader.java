package io.github.kubesignin.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads secrets piped on standard input, e.g. {@code printf %s "$SECRET" | kubesignin …}. */
final class StdinReader {
    private StdinReader() {
    }

    /** The first line without its line break; an error when stdin is empty. */
    static String firstLine(InputStream in, String what) throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new UserError("expected the " + what + " on standard input, but it was empty");
        }
        return line;
    }

    /** Everything on stdin, stripped. */
    static String all(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
