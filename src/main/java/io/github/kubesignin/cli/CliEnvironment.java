package io.github.kubesignin.cli;

import io.github.kubesignin.app.AppContext;
import java.io.InputStream;
import java.io.PrintWriter;

/** What a command may use: the application graph and the process's streams and terminal. */
public record CliEnvironment(AppContext app, InputStream stdin, PrintWriter out, PrintWriter err, Terminal terminal) {
}
