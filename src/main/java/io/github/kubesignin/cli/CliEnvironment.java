package io.github.kubesignin.cli;

import io.github.kubesignin.app.AppContext;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** What a command may use: the application graph and the process's streams and terminal. */
public record CliEnvironment(AppContext app, InputStream stdin, PrintWriter out, PrintWriter err, Terminal terminal) {

    /** The process's own streams and terminal. */
    static CliEnvironment system(AppContext app) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return new CliEnvironment(app, System.in, out, err, Terminal.system());
    }
}
