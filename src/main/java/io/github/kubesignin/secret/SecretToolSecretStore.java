package io.github.kubesignin.secret;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Secret Service through libsecret's {@code secret-tool}: the very items {@link KeyringSecretStore} reads and
 * writes (attributes {@code service} and {@code account}, default collection), at about 30 ms a call, where
 * java-keyring spends 0.5–1.5 s opening its D-Bus connection. kubectl runs {@code get-token} before every command, so
 * the refresh path uses this on Linux whenever {@code secret-tool} is installed.
 *
 * <p>Each call runs one short process with a time limit; the secret travels over its stdin/stdout, never on the
 * command line.
 */
public final class SecretToolSecretStore implements SecretStore {
    private final Path secretTool;
    private final String service;
    private final Map<String, String> environment;
    private final Duration timeout;

    public SecretToolSecretStore(Path secretTool, String service, Map<String, String> environment, Duration timeout) {
        this.secretTool = secretTool;
        this.service = service;
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    /** {@code secret-tool} on the PATH, if it is installed. */
    public static Optional<Path> find(Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "secret-tool");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> get(String key) {
        Result result = run("reading " + key, null, "lookup", "service", service, "account", key);
        if (result.exitCode == 0) {
            return Optional.of(result.out);
        }
        if (result.exitCode == 1 && result.err.isBlank()) {
            return Optional.empty(); // secret-tool's way of saying "no such item"
        }
        throw failure("reading " + key, result);
    }

    @Override
    public void put(String key, String secret) {
        Result result = run("storing " + key, secret, "store", "--label=" + service + " " + key, "service", service, "account", key);
        if (result.exitCode != 0) {
            throw failure("storing " + key, result);
        }
    }

    @Override
    public void delete(String key) {
        Result result = run("deleting " + key, null, "clear", "service", service, "account", key);
        if (result.exitCode != 0 && !(result.exitCode == 1 && result.err.isBlank())) {
            throw failure("deleting " + key, result);
        }
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(String what, String stdin, String... args) {
        String bus = environment.get("DBUS_SESSION_BUS_ADDRESS");
        if (bus == null || bus.isBlank()) {
            throw new SecretStoreUnavailableException(KeychainMessages.NO_SESSION_BUS);
        }
        List<String> command = new ArrayList<>(List.of(secretTool.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            // secrets are small: reading after exit cannot fill a pipe
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new SecretStoreUnavailableException(KeychainMessages.timedOut(what, timeout));
            }
            return new Result(process.exitValue(), read(process.getInputStream()), read(process.getErrorStream()).strip());
        } catch (IOException e) {
            throw new SecretStoreUnavailableException(KeychainMessages.failed(what, "cannot run " + secretTool + ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecretStoreUnavailableException(KeychainMessages.failed(what, "interrupted"), e);
        }
    }

    private static String read(InputStream stream) throws IOException {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** secret-tool's own words (they never contain the secret) plus how to get a keychain. */
    private static SecretStoreUnavailableException failure(String what, Result result) {
        String said = result.err.isBlank() ? "secret-tool exited with " + result.exitCode : result.err;
        if (said.contains("org.freedesktop.secrets") || said.contains("not provided by any .service")) {
            return new SecretStoreUnavailableException(KeychainMessages.NO_PROVIDER + " (" + said + ")");
        }
        return new SecretStoreUnavailableException(KeychainMessages.failed(what, said));
    }

    @Override
    public String toString() {
        return "SecretToolSecretStore[service=" + service + "]";
    }
}
