package io.github.kubesignin.interop;

import io.github.kubesignin.testing.PemTrust;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * A real Keycloak with the {@code kube} realm (src/test/resources/keycloak/kube-realm.json), served over HTTPS on
 * 127.0.0.1 with a generated test CA. One per JVM: started on first {@link #get()}, stopped by a shutdown hook.
 * Tests first check {@link #available()} with a JUnit assumption, naming {@link #unavailableReason()}.
 */
public final class KeycloakServer {

    public static final String REALM = "kube";
    public static final String CONFIDENTIAL_CLIENT = "kube-confidential";
    public static final String CONFIDENTIAL_CLIENT_SECRET = "kc-confidential-secret";
    public static final String PUBLIC_CLIENT = "kube-public";
    /** Confidential, but with the password grant ("direct access grants") disabled. */
    public static final String NO_PASSWORD_CLIENT = "kube-no-password";
    public static final String NO_PASSWORD_CLIENT_SECRET = "kc-no-password-secret";
    public static final String GROUPS_CLAIM = "groups";
    public static final String DEVELOPERS_GROUP = "developers";
    /** Verified e-mail, member of developers. */
    public static final String ALICE = "alice";
    public static final String ALICE_PASSWORD = "alice-kc-password";
    public static final String ALICE_EMAIL = "alice@example.com";
    /** Unverified e-mail, no groups. */
    public static final String BOB = "bob";
    public static final String BOB_PASSWORD = "bob-kc-password";
    public static final String BOB_EMAIL = "bob@example.com";

    static final String HOME_PROPERTY = "keycloak.home";
    private static final String REALM_RESOURCE = "/keycloak/kube-realm.json";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private static KeycloakServer instance;
    private static RuntimeException startFailure;

    private final URI issuer;
    private final Path caPem;
    private final SSLContext sslContext;
    private final Duration startupTime;

    private KeycloakServer(URI issuer, Path caPem, SSLContext sslContext, Duration startupTime) {
        this.issuer = issuer;
        this.caPem = caPem;
        this.sslContext = sslContext;
        this.startupTime = startupTime;
    }

    /** True when the unpacked Keycloak and a JDK 21+ to run it are both there. */
    public static boolean available() {
        return unavailableReason().isEmpty();
    }

    /** What is missing for {@link #available()}, or an empty string. */
    public static String unavailableReason() {
        List<String> missing = new ArrayList<>();
        Optional<Path> home = keycloakHome();
        if (home.isEmpty()) {
            missing.add("system property " + HOME_PROPERTY + " is not set (mvn verify sets it)");
        } else if (!Files.isExecutable(home.get().resolve("bin/kc.sh"))) {
            missing.add("no Keycloak at " + HOME_PROPERTY + "=" + home.get() + " (bin/kc.sh missing)");
        }
        if (KeycloakJdk.find().isEmpty()) {
            missing.add(KeycloakJdk.whatIsMissing());
        }
        return String.join("; ", missing);
    }

    /** The one Keycloak of this JVM, started on first use (about 25 s warm, a minute on a fresh unpack). */
    public static synchronized KeycloakServer get() {
        if (startFailure != null) {
            throw new IllegalStateException("Keycloak failed to start earlier in this JVM", startFailure);
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            } catch (IOException | GeneralSecurityException | InterruptedException e) {
                startFailure = new IllegalStateException("Keycloak could not be started: " + e, e);
                throw startFailure;
            }
        }
        return instance;
    }

    /** {@code https://127.0.0.1:<port>/realms/kube}, exactly as Keycloak writes {@code iss} (no trailing slash). */
    public URI issuer() {
        return issuer;
    }

    /** The PEM of the CA that signed Keycloak's HTTPS certificate. */
    public Path caPem() {
        return caPem;
    }

    /** Trusts only the test CA; for {@code HttpClient.newBuilder().sslContext(...)}. */
    public SSLContext sslContext() {
        return sslContext;
    }

    public Duration startupTime() {
        return startupTime;
    }

    private static KeycloakServer start() throws IOException, GeneralSecurityException, InterruptedException {
        if (!available()) {
            throw new IllegalStateException("Keycloak is not available: " + unavailableReason());
        }
        Path home = keycloakHome().orElseThrow();
        Path javaHome = KeycloakJdk.find().orElseThrow();
        Path target = Path.of(System.getProperty("user.dir"), "target");
        TestCertificates.TlsFiles tls = newTlsFiles(target.resolve("keycloak-tls"));
        installRealm(home);

        int httpsPort = freePort();
        URI base = URI.create("https://127.0.0.1:" + httpsPort);
        List<String> arguments = List.of("start-dev", "--import-realm",
                "--http-host=127.0.0.1", "--http-port=" + freePort(), "--https-port=" + httpsPort,
                "--http-management-port=" + freePort(),
                "--hostname=" + base,
                "--https-certificate-file=" + tls.serverCertificate(),
                "--https-certificate-key-file=" + tls.serverPrivateKey());

        SSLContext trust = PemTrust.sslContextTrusting(tls.caCertificate());
        Instant started = Instant.now();
        KeycloakProcess process = KeycloakProcess.start(javaHome, home, arguments,
                target.resolve("keycloak-logs/keycloak.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(process::stop, "keycloak-stop"));
        URI issuer = URI.create(base + "/realms/" + REALM);
        process.awaitReady(URI.create(issuer + "/.well-known/openid-configuration"), trust, START_TIMEOUT);
        Duration startupTime = Duration.between(started, Instant.now());
        System.out.printf("Keycloak ready at %s after %.1f s (log: %s)%n",
                issuer, startupTime.toMillis() / 1000.0, process.logFile());
        return new KeycloakServer(issuer, tls.caCertificate(), trust, startupTime);
    }

    /** The one place that decides where the test CA comes from: the project's own certificate authority. */
    private static TestCertificates.TlsFiles newTlsFiles(Path directory) throws IOException {
        return TestCertificates.generate(directory);
    }

    /**
     * Puts the realm where --import-realm looks. Keycloak skips realms that already exist, so when the realm file
     * changed since the last run the dev database is dropped; otherwise it is kept, which makes restarts faster.
     */
    private static void installRealm(Path home) throws IOException {
        byte[] realm;
        try (InputStream in = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IOException("test resource " + REALM_RESOURCE + " is missing");
            }
            realm = in.readAllBytes();
        }
        Path imported = home.resolve("data/import/kube-realm.json");
        if (Files.exists(imported) && Arrays.equals(Files.readAllBytes(imported), realm)) {
            return;
        }
        deleteRecursively(home.resolve("data/h2"));
        Files.createDirectories(imported.getParent());
        Files.write(imported, realm);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Optional<Path> keycloakHome() {
        return Optional.ofNullable(System.getProperty(HOME_PROPERTY)).filter(value -> !value.isBlank()).map(Path::of);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
