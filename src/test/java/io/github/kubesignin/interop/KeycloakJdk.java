package io.github.kubesignin.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the JDK that runs Keycloak: Keycloak 26 needs Java 21+, while the project itself builds and tests on 17. */
final class KeycloakJdk {

    static final int MINIMUM_FEATURE_VERSION = 21;
    static final String PROPERTY = "keycloak.java.home";
    static final String ENVIRONMENT = "KEYCLOAK_JAVA_HOME";
    private static final Path JVM_DIRECTORY = Path.of("/usr/lib/jvm");
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private KeycloakJdk() {
    }

    /** The configured JDK (system property, then environment) or else the first JDK 21+ under /usr/lib/jvm. */
    static Optional<Path> find() {
        Optional<Path> configured = configured();
        if (configured.isPresent()) {
            // An explicit choice is never second-guessed by the scan; it must itself be good enough.
            return configured.filter(KeycloakJdk::isRecentEnough);
        }
        return scan();
    }

    /** Says which JDK is missing, for skip and failure messages. */
    static String whatIsMissing() {
        return configured()
                .map(home -> "the configured Keycloak JDK " + home + " is not a JDK " + MINIMUM_FEATURE_VERSION + "+")
                .orElse("no JDK " + MINIMUM_FEATURE_VERSION + "+ found under " + JVM_DIRECTORY
                        + " (set " + ENVIRONMENT + " or -D" + PROPERTY + ")");
    }

    private static Optional<Path> configured() {
        return Stream.of(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT))
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .map(Path::of);
    }

    private static Optional<Path> scan() {
        if (!Files.isDirectory(JVM_DIRECTORY)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(JVM_DIRECTORY)) {
            return entries.sorted(Comparator.naturalOrder()).filter(KeycloakJdk::isRecentEnough).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRecentEnough(Path home) {
        return Files.isExecutable(home.resolve("bin/java"))
                && featureVersion(home).map(version -> version >= MINIMUM_FEATURE_VERSION).orElse(false);
    }

    /** Reads the "release" file every JDK ships, which is cheaper than starting a JVM to ask. */
    private static Optional<Integer> featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
