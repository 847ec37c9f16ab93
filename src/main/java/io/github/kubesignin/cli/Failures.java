package io.github.kubesignin.cli;

import io.github.kubesignin.json.JsonException;
import io.github.kubesignin.oidc.OidcException;
import io.github.kubesignin.profile.InvalidProfileException;
import io.github.kubesignin.profile.MalformedProfileFileException;
import io.github.kubesignin.profile.UnknownProfileException;
import io.github.kubesignin.secret.SecretStoreUnavailableException;
import io.github.kubesignin.session.SessionLockTimeoutException;
import io.github.kubesignin.session.SignInRequiredException;
import io.github.kubesignin.token.MalformedTokenException;
import java.io.UncheckedIOException;

/** How a failed command tells the person: one line on stderr, exit code 1. Free of picocli, for get-token's path. */
final class Failures {
    private Failures() {
    }

    /** Prints one line (and the stack trace with --verbose); returns the exit code 1. */
    static int report(Exception e, CliEnvironment env, boolean verbose) {
        env.err().println("kubesignin: " + describe(e));
        if (verbose) {
            e.printStackTrace(env.err());
        }
        env.out().flush();
        env.err().flush();
        return 1;
    }

    /** One line for the person; a stack trace only with --verbose. */
    private static String describe(Exception e) {
        if (e instanceof UserError || e instanceof OidcException || e instanceof UnknownProfileException
                || e instanceof MalformedProfileFileException || e instanceof MalformedTokenException
                || e instanceof JsonException || e instanceof UncheckedIOException
                || e instanceof SignInRequiredException || e instanceof SessionLockTimeoutException
                || e instanceof java.io.IOException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        if (e instanceof InvalidProfileException invalid) {
            return "the profile was not saved: " + String.join("; ", invalid.problems());
        }
        if (e instanceof SecretStoreUnavailableException) {
            return "the OS keychain is unavailable: " + e.getMessage();
        }
        return "unexpected error: " + e + " (run again with --verbose for details)";
    }
}
