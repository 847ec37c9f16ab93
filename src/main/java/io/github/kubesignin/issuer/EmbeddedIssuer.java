package io.github.kubesignin.issuer;

import com.nimbusds.jose.JOSEObjectType;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A real HTTPS OpenID Connect issuer on 127.0.0.1 with the password, refresh_token, authorization code (PKCE S256,
 * a tiny login form) and device (RFC 8628, a verification page) grants, for the demo command and for tests. All of
 * its threads are daemons, and {@link #close()} stops it at once.
 *
 * <p>Endpoints: {@code /.well-known/openid-configuration}, {@code /jwks}, {@code /token}, {@code /revoke},
 * {@code /userinfo}, {@code /authorize}, {@code /device}, {@code /device/verify}. It writes nothing to stdout,
 * stderr or any log.
 */
public final class EmbeddedIssuer implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";

    private final HttpsServer server;
    private final ExecutorService executor;
    private final CertificateAuthority certificateAuthority;
    private final IssuerSettings settings;
    private final SigningKeys keys;
    private final RefreshTokens refreshTokens;
    private final TokenIssuer tokenIssuer;
    private final TokenRequestLog log;
    private final ResponseControls controls;
    private final AuthorizationEndpoint authorization;
    private final DeviceCodes devices;

    static {
        // The JDK's HTTP server leaves Nagle's algorithm on unless told otherwise (read once, when its classes load):
        // an answer's second write then waits about 40 ms for the client's delayed ACK.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private EmbeddedIssuer(Builder builder) throws IOException {
        this.certificateAuthority = builder.certificateAuthority != null
                ? builder.certificateAuthority
                // TLS peers check certificates against their own clock, so certificates use real time, not the
                // token clock that tests may move.
                : CertificateAuthority.generate("kubesignin embedded issuer CA", Clock.systemUTC());
        ServerCertificate serverCertificate =
                certificateAuthority.issueServerCertificate(List.of("localhost"), List.of(LOOPBACK));
        SSLContext tls = serverCertificate.sslContext();
        this.keys = new SigningKeys(); // the slow and fallible work comes before binding the port
        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(LOOPBACK), builder.port), 0);
        try {
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            String baseUrl = "https://" + LOOPBACK + ":" + server.getAddress().getPort();
            this.settings = new IssuerSettings(baseUrl + (builder.issuerTrailingSlash ? "/" : ""), baseUrl,
                    builder.users, builder.clients, builder.idTokenLifetime, builder.refreshTokenLifetime,
                    builder.issueRefreshTokens, builder.rotateRefreshTokens, builder.clock, builder.advertisedGrantTypes,
                    builder.authorizationCodeLifetime, builder.deviceCodeLifetime, builder.devicePollInterval);
            this.refreshTokens = new RefreshTokens();
            AuthorizationCodes codes = new AuthorizationCodes();
            this.devices = new DeviceCodes();
            this.tokenIssuer = new TokenIssuer(settings, keys, refreshTokens, codes, devices);
            this.authorization = new AuthorizationEndpoint(settings, codes);
            this.log = new TokenRequestLog();
            this.controls = new ResponseControls();
            ClientAuthenticator clients = new ClientAuthenticator(settings.clients());
            Map<String, Object> discovery = DiscoveryDocument.of(settings);
            server.createContext("/", new IssuerRouter(controls)
                    .route(DiscoveryDocument.DISCOVERY_PATH, Set.of("GET", "HEAD"),
                            exchange -> HttpExchanges.sendJson(exchange, 200, discovery))
                    .route(DiscoveryDocument.JWKS_PATH, Set.of("GET", "HEAD"),
                            exchange -> HttpExchanges.sendJson(exchange, 200, keys.publicJwks()))
                    .route(DiscoveryDocument.TOKEN_PATH, Set.of("POST"),
                            new TokenEndpoint(clients, tokenIssuer, log, controls))
                    .route(DiscoveryDocument.REVOCATION_PATH, Set.of("POST"), new RevocationEndpoint(clients, refreshTokens))
                    .route(DiscoveryDocument.USERINFO_PATH, Set.of("GET", "POST"), new UserInfoEndpoint(settings, keys))
                    .route(DiscoveryDocument.AUTHORIZATION_PATH, Set.of("GET", "POST"), authorization)
                    .route(DiscoveryDocument.DEVICE_AUTHORIZATION_PATH, Set.of("POST"),
                            new DeviceAuthorizationEndpoint(settings, clients, devices))
                    .route(DiscoveryDocument.DEVICE_VERIFICATION_PATH, Set.of("GET", "POST"),
                            new DeviceVerificationPage(settings, devices)));
            this.executor = Executors.newCachedThreadPool(daemonThreads());
            server.setExecutor(executor);
            startOnDaemonThread(server);
        } catch (RuntimeException e) {
            // the port is already bound, and the JDK server releases it only when stopping a started server
            startOnDaemonThread(server);
            server.stop(0);
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder with the {@link DemoData} users (alice, bob) and clients (public and confidential). */
    public static Builder demo() {
        return builder()
                .user(DemoData.ALICE)
                .user(DemoData.BOB)
                .client(DemoData.PUBLIC_CLIENT)
                .client(DemoData.CONFIDENTIAL_CLIENT);
    }

    /** The issuer identifier, exactly as in discovery and the {@code iss} claim. */
    public URI issuerUrl() {
        return URI.create(settings.issuer());
    }

    public URI discoveryUrl() {
        return URI.create(settings.baseUrl() + DiscoveryDocument.DISCOVERY_PATH);
    }

    public URI tokenEndpoint() {
        return URI.create(settings.baseUrl() + DiscoveryDocument.TOKEN_PATH);
    }

    public URI jwksUrl() {
        return URI.create(settings.baseUrl() + DiscoveryDocument.JWKS_PATH);
    }

    public URI revocationEndpoint() {
        return URI.create(settings.baseUrl() + DiscoveryDocument.REVOCATION_PATH);
    }

    public URI authorizationEndpoint() {
        return URI.create(settings.baseUrl() + DiscoveryDocument.AUTHORIZATION_PATH);
    }

    public URI deviceAuthorizationEndpoint() {
        return URI.create(settings.baseUrl() + DiscoveryDocument.DEVICE_AUTHORIZATION_PATH);
    }

    /** The user codes of device sign-ins that are neither approved nor denied yet. */
    public List<String> pendingUserCodes() {
        return devices.pendingUserCodes();
    }

    /** Test hook: approves a device sign-in as this user, as the verification page would. */
    public void approveDevice(String userCode, String username) {
        if (!settings.users().containsKey(username)) {
            throw new IllegalArgumentException("no such user: " + username);
        }
        devices.byUserCode(userCode, settings.clock().instant())
                .orElseThrow(() -> new IllegalArgumentException("no such user code: " + userCode))
                .decide(true, username, settings.clock().instant());
    }

    /** Test hook: denies a device sign-in, as the verification page's Deny button would. */
    public void denyDevice(String userCode) {
        devices.byUserCode(userCode, settings.clock().instant())
                .orElseThrow(() -> new IllegalArgumentException("no such user code: " + userCode))
                .decide(false, null, settings.clock().instant());
    }

    /** Test hook: the next device-code poll is answered {@code slow_down}, however late it comes. */
    public void slowDownNextDevicePoll() {
        devices.slowDownNextPoll();
    }

    /** Test hook: the next authorization code's id_token carries this nonce instead of the client's. */
    public void replaceNextNonce(String nonce) {
        authorization.replaceNextNonce(Objects.requireNonNull(nonce, "nonce"));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The CA that signed the TLS certificate: clients must trust it (e.g. {@link CertificateAuthority#writeCertificatePem}). */
    public CertificateAuthority certificateAuthority() {
        return certificateAuthority;
    }

    /** How many token requests arrived with this {@code grant_type} (failed ones included; "" for none). */
    public int tokenRequests(String grantType) {
        return log.count(grantType);
    }

    /** The form parameters of each token request, in order; password, client_secret and refresh_token are blanked. */
    public List<Map<String, String>> tokenRequestParameters() {
        return log.parameters();
    }

    /**
     * How each token request tried to authenticate its client: {@code client_secret_basic},
     * {@code client_secret_post} or {@code none}, in order.
     */
    public List<String> tokenRequestClientAuthentication() {
        return log.clientAuthenticationMethods();
    }

    /** The value that replaces secret parameters in {@link #tokenRequestParameters()}. */
    public static String redactedValue() {
        return TokenRequestLog.REDACTED;
    }

    /** Signs with a new key from now on; the JWKS keeps serving the old key so earlier tokens still verify. */
    public void rotateSigningKey() {
        keys.rotate();
    }

    /** The {@code kid} of the key that signs new tokens. */
    public String currentKeyId() {
        return keys.currentKeyId();
    }

    /** Every answer waits this long first (zero turns it off), for timeout tests. */
    public void delayResponses(Duration delay) {
        controls.delay(Objects.requireNonNull(delay, "delay"));
    }

    /** The next token request gets exactly this answer (once), e.g. an HTML error page from a proxy. */
    public void answerNextTokenRequestWith(int status, String contentType, String body) {
        controls.answerNextTokenRequestWith(new ResponseControls.CannedResponse(status, contentType, body));
    }

    public boolean isRefreshTokenActive(String refreshToken) {
        return refreshTokens.isActive(refreshToken, settings.clock().instant());
    }

    /**
     * The claims of a valid id_token for this user and client, issued now by the issuer's clock; change them and pass
     * them to {@link #signIdToken} to mint an expired token, a wrong audience, and so on.
     */
    public Map<String, Object> idTokenClaims(String username, String clientId) {
        IssuerUser user = settings.users().get(username);
        if (user == null) {
            throw new IllegalArgumentException("no such user: " + username);
        }
        Instant now = settings.clock().instant();
        return new LinkedHashMap<>(tokenIssuer.idTokenClaims(user, clientId, now, now));
    }

    /**
     * Signs any claims with the current key (RS256, kid, typ JWT). {@link Instant} values become epoch seconds;
     * everything else must be JSON-compatible (strings, numbers, booleans, lists, maps).
     */
    public String signIdToken(Map<String, Object> claims) {
        Map<String, Object> json = new LinkedHashMap<>();
        claims.forEach((name, value) -> json.put(name, value instanceof Instant instant ? instant.getEpochSecond() : value));
        return keys.sign(json, JOSEObjectType.JWT);
    }

    /** Stops at once: open exchanges are cut, the port is free when this returns. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * The JDK server's dispatcher thread inherits the daemon flag of the thread that calls start(), so start it from
     * a daemon thread: otherwise a forgotten issuer would keep the JVM alive.
     */
    private static void startOnDaemonThread(HttpsServer server) {
        Thread starter = new Thread(server::start, "kubesignin-issuer-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(0);
            throw new IllegalStateException("interrupted while starting the issuer", e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "kubesignin-issuer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Collects the issuer's users, clients and behaviour; {@link #start()} binds the port. */
    public static final class Builder {
        private int port;
        private final Map<String, IssuerUser> users = new LinkedHashMap<>();
        private final Map<String, IssuerClient> clients = new LinkedHashMap<>();
        private Duration idTokenLifetime = Duration.ofMinutes(5);
        private Duration refreshTokenLifetime = Duration.ofHours(8);
        private boolean issueRefreshTokens = true;
        private boolean rotateRefreshTokens;
        private Clock clock = Clock.systemUTC();
        private boolean issuerTrailingSlash;
        private List<String> advertisedGrantTypes = IssuerSettings.SUPPORTED_GRANT_TYPES;
        private CertificateAuthority certificateAuthority;
        private Duration authorizationCodeLifetime = Duration.ofMinutes(1);
        private Duration deviceCodeLifetime = Duration.ofMinutes(10);
        private Duration devicePollInterval = Duration.ofSeconds(5);

        private Builder() {
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Adds a user, replacing one with the same username. */
        public Builder user(IssuerUser user) {
            users.put(user.username(), user);
            return this;
        }

        /** Adds a client, replacing one with the same client id. */
        public Builder client(IssuerClient client) {
            clients.put(client.clientId(), client);
            return this;
        }

        /** Lifetime of id and access tokens (expires_in); default 5 minutes. */
        public Builder idTokenLifetime(Duration lifetime) {
            this.idTokenLifetime = positive(lifetime);
            return this;
        }

        /** Default 8 hours. */
        public Builder refreshTokenLifetime(Duration lifetime) {
            this.refreshTokenLifetime = positive(lifetime);
            return this;
        }

        /** Default true. */
        public Builder issueRefreshTokens(boolean issue) {
            this.issueRefreshTokens = issue;
            return this;
        }

        /** When true, each refresh returns a new refresh token and the presented one stops working. Default false. */
        public Builder rotateRefreshTokens(boolean rotate) {
            this.rotateRefreshTokens = rotate;
            return this;
        }

        /** The clock for token times (iat, exp, auth_time, refresh token expiry); default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Publish the issuer with a trailing slash, as some providers do, to test issuer-mismatch handling. */
        public Builder issuerTrailingSlash(boolean trailingSlash) {
            this.issuerTrailingSlash = trailingSlash;
            return this;
        }

        /** Overrides grant_types_supported in discovery only; the token endpoint keeps its real behaviour. */
        public Builder advertisedGrantTypes(List<String> grantTypes) {
            this.advertisedGrantTypes = List.copyOf(grantTypes);
            return this;
        }

        /** Reuse a CA (so clients keep trusting the issuer across restarts); by default a new one is generated. */
        public Builder certificateAuthority(CertificateAuthority certificateAuthority) {
            this.certificateAuthority = Objects.requireNonNull(certificateAuthority, "certificateAuthority");
            return this;
        }

        /** How long an authorization code from the login form can be redeemed; default 1 minute. */
        public Builder authorizationCodeLifetime(Duration lifetime) {
            this.authorizationCodeLifetime = positive(lifetime);
            return this;
        }

        /** How long a device code and its user code live (expires_in); default 10 minutes. */
        public Builder deviceCodeLifetime(Duration lifetime) {
            this.deviceCodeLifetime = positive(lifetime);
            return this;
        }

        /** The device flow's polling interval in whole seconds, at least 1; default 5 (RFC 8628 §3.2). */
        public Builder devicePollInterval(Duration interval) {
            if (interval.toSeconds() < 1) {
                throw new IllegalArgumentException("the poll interval must be at least 1 second: " + interval);
            }
            this.devicePollInterval = Duration.ofSeconds(interval.toSeconds());
            return this;
        }

        public EmbeddedIssuer start() {
            try {
                return new EmbeddedIssuer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded issuer on " + LOOPBACK + ":" + port, e);
            }
        }

        private static Duration positive(Duration duration) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("a lifetime must be positive: " + duration);
            }
            return duration;
        }
    }
}
