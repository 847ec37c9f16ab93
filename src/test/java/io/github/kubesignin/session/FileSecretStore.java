package io.github.kubesignin.session;

import io.github.kubesignin.files.AtomicFileWriter;
import io.github.kubesignin.secret.SecretStore;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A keychain test double that several processes can share: a properties file, replaced atomically on each change.
 * Test code only — the product never keeps secrets in a file. Concurrent writers are not coordinated here; the
 * session lock does that in the tests that share it.
 */
final class FileSecretStore implements SecretStore {
    private final Path file;

    FileSecretStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(load().getProperty(key));
    }

    @Override
    public synchronized void put(String key, String secret) {
        Properties all = load();
        all.setProperty(key, secret);
        save(all);
    }

    @Override
    public synchronized void delete(String key) {
        Properties all = load();
        if (all.remove(key) != null) {
            save(all);
        }
    }

    private Properties load() {
        Properties all = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            all.load(in);
        } catch (NoSuchFileException e) {
            // empty
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private void save(Properties all) {
        StringWriter out = new StringWriter();
        try {
            all.store(out, null);
            AtomicFileWriter.write(file, out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
