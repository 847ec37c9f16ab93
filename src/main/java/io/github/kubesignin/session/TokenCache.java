package io.github.kubesignin.session;

import io.github.kubesignin.files.AtomicFileWriter;
import io.github.kubesignin.json.Json;
import io.github.kubesignin.profile.ProfileValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The current id_token of each profile, in an owner-only directory (0700, files 0600), so that {@code get-token}
 * needs neither the keychain nor the network while the token is valid. Only id_tokens are kept here: never a
 * refresh token, password or client secret.
 *
 * <p>Per profile there are three files, each written atomically:
 * <ul>
 *   <li>{@code NAME.json}: {@code {"version":1,"idToken":"…","expiresAt":<epoch seconds>}}, read by
 *       {@link #read(String)} with the JDK only;</li>
 *   <li>{@code NAME.exec-credential.json}: the exact ExecCredential ({@code client.authentication.k8s.io/v1}) that
 *       {@code get-token} prints, for a tiny launcher that prints it without starting a JVM. Its
 *       {@code expirationTimestamp} is always {@code yyyy-MM-ddTHH:mm:ssZ}, so such a launcher can compare it with
 *       the current time as plain text.</li>
 *   <li>{@code NAME.exec-credential.until}: the epoch second (decimal ASCII and a newline) before which the native
 *       launcher ({@code packaging/launcher/kubectl-signin.c}) may print that ExecCredential: the expiry minus
 *       {@link #LAUNCHER_MARGIN}, so that it never prints a token that {@link SessionService} would renew first, and
 *       needs no date parsing.</li>
 * </ul>
 * The ExecCredential is written before {@code NAME.json} and deleted after it, so it is never older than the token
 * {@link #read(String)} returns. The {@code .until} file is deleted first and written last on every change, so it
 * only exists while the ExecCredential beside it is the one it was computed for: a crash half-way leaves no
 * {@code .until} (the launcher then starts the JVM) rather than an old deadline next to a shorter-lived new token.
 * A file that cannot be read or parsed counts as absent and is replaced on the next write.
 */
public final class TokenCache {
    static final int FORMAT_VERSION = 1;
    static final String EXEC_CREDENTIAL_API_VERSION = "client.authentication.k8s.io/v1";
    /**
     * How long before expiry the launcher stops printing the cached ExecCredential. It equals the safety margin the
     * production {@link SessionService} uses, so the launcher never hands out a token that Java would renew first.
     */
    public static final Duration LAUNCHER_MARGIN = SessionService.DEFAULT_SAFETY_MARGIN;
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;

    public TokenCache(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** The cached token, or empty when there is none or its file is unreadable. */
    public Optional<CachedToken> read(String profile) {
        Path file = tokenFile(profile);
        try {
            Map<String, Object> json = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
            if (!(json.get("version") instanceof Long version) || version != FORMAT_VERSION
                    || !(json.get("idToken") instanceof String idToken) || idToken.isEmpty()
                    || !(json.get("expiresAt") instanceof Long expiresAt)) {
                return Optional.empty();
            }
            return Optional.of(new CachedToken(idToken, Instant.ofEpochSecond(expiresAt)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // missing, unreadable or corrupt: the caller gets a new token instead
        }
    }

    public void write(String profile, CachedToken token) {
        try {
            ensurePrivateDirectory();
            // the launcher's deadline goes first and comes back last: it never outlives the credential it belongs to
            Files.deleteIfExists(launcherDeadlineFile(profile));
            AtomicFileWriter.write(execCredentialFile(profile), execCredentialJson(token));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("version", (long) FORMAT_VERSION);
            json.put("idToken", token.idToken());
            json.put("expiresAt", token.expiry().getEpochSecond());
            AtomicFileWriter.write(tokenFile(profile), Json.write(json) + "\n");
            AtomicFileWriter.write(launcherDeadlineFile(profile), launcherDeadline(token) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token cache in " + directory + ": " + e.getMessage(), e);
        }
    }

    public void delete(String profile) {
        try {
            // first what the launcher trusts, so that it falls back to the JVM even if a later delete fails
            Files.deleteIfExists(launcherDeadlineFile(profile));
            Files.deleteIfExists(tokenFile(profile));
            Files.deleteIfExists(execCredentialFile(profile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the cached token in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Notes that the profile has a session to renew (secrets in the keychain), so that a profile without one is told
     * to sign in at once, without opening the keychain. The marker holds no secret.
     */
    public void markSignedIn(String profile) {
        try {
            ensurePrivateDirectory();
            AtomicFileWriter.write(sessionFile(profile), "renewal secrets for this profile are in the OS keychain\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the session marker in " + directory + ": " + e.getMessage(), e);
        }
    }

    public boolean isSignedIn(String profile) {
        return Files.exists(sessionFile(profile));
    }

    public void forgetSignIn(String profile) {
        try {
            Files.deleteIfExists(sessionFile(profile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the session marker in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** {@code NAME.session}: present while the keychain holds a way to renew the profile's token. */
    public Path sessionFile(String profile) {
        return directory.resolve(checkedName(profile) + ".session");
    }

    /**
     * The ExecCredential (v1) written beside the token, when it holds exactly this token: printing it spares
     * {@code get-token} the date formatting classes at start-up.
     */
    public Optional<String> readyExecCredential(String profile, CachedToken token) {
        try {
            String text = Files.readString(execCredentialFile(profile), StandardCharsets.UTF_8);
            return text.contains("\"" + token.idToken() + "\"") ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code NAME.json}. */
    public Path tokenFile(String profile) {
        return directory.resolve(checkedName(profile) + ".json");
    }

    /** {@code NAME.exec-credential.json}: the ready-to-print ExecCredential. */
    public Path execCredentialFile(String profile) {
        return directory.resolve(checkedName(profile) + ".exec-credential.json");
    }

    /**
     * {@code NAME.exec-credential.until}: the epoch second before which the native launcher may print
     * {@link #execCredentialFile(String)} as it is.
     */
    public Path launcherDeadlineFile(String profile) {
        return directory.resolve(checkedName(profile) + ".exec-credential.until");
    }

    /**
     * The first epoch second at which the launcher must no longer print the token: {@link SessionService} hands it
     * out while {@code expiry > now + margin}, and the launcher prints while {@code time(NULL) < deadline}; with the
     * deadline rounded down, {@code floor(now) < deadline} implies {@code now < expiry - margin}.
     */
    static long launcherDeadline(CachedToken token) {
        return token.expiry().minus(LAUNCHER_MARGIN).getEpochSecond(); // whole seconds, rounded down
    }

    /** The ExecCredential that {@code get-token} prints for this token (API version v1), with a final newline. */
    public static String execCredentialJson(CachedToken token) {
        return execCredentialJson(token, EXEC_CREDENTIAL_API_VERSION);
    }

    /** The same for another API version, e.g. {@code client.authentication.k8s.io/v1beta1}. */
    public static String execCredentialJson(CachedToken token, String apiVersion) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("expirationTimestamp", DateTimeFormatter.ISO_INSTANT.format(token.expiry().truncatedTo(ChronoUnit.SECONDS)));
        status.put("token", token.idToken());
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("kind", "ExecCredential");
        credential.put("apiVersion", apiVersion);
        credential.put("spec", Map.of("interactive", false));
        credential.put("status", status);
        return Json.write(credential) + "\n";
    }

    private void ensurePrivateDirectory() throws IOException {
        AtomicFileWriter.createPrivateDirectories(directory);
        if (POSIX) {
            // it may have been created by someone else, or before kubesignin kept tokens in it
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Profile names become file names: refuse anything that could leave the directory. */
    private static String checkedName(String profile) {
        if (!ProfileValidator.isValidName(profile)) {
            throw new IllegalArgumentException("not a valid profile name: '" + profile + "'");
        }
        return profile;
    }
}
