package io.github.kubesignin.kubectl;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.issuer.ServerCertificate;
import io.github.kubesignin.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a Kubernetes API server with OIDC authentication, just enough for {@code kubectl get --raw}: every
 * request must carry a bearer id_token that verifies against the embedded issuer (signature from its JWKS, iss,
 * aud = client id, exp), else 401 as the API server answers. The answer names the user, so tests see who kubectl was.
 */
public final class TokenCheckingApiServer implements AutoCloseable {
    private final HttpsServer server;
    private final DefaultJWTProcessor<SecurityContext> verifier = new DefaultJWTProcessor<>();
    private final AtomicInteger rejected = new AtomicInteger();
    private volatile boolean forbidSelfSubjectReviews;

    /** Serves with a certificate from the issuer's CA, so the issuer's CA file verifies both. */
    public static TokenCheckingApiServer start(EmbeddedIssuer issuer, String clientId) throws IOException {
        return new TokenCheckingApiServer(issuer, clientId);
    }

    private TokenCheckingApiServer(EmbeddedIssuer issuer, String clientId) throws IOException {
        ServerCertificate certificate = issuer.certificateAuthority().issueServerCertificate(List.of("localhost"), List.of("127.0.0.1"));
        var retriever = new com.nimbusds.jose.util.DefaultResourceRetriever(2000, 2000, 0, true,
                issuer.certificateAuthority().clientSslContext().getSocketFactory());
        // the issuer's current keys, fetched for every request: a test server needs no cache
        com.nimbusds.jose.jwk.source.JWKSource<SecurityContext> keys = (selector, context) -> {
            try {
                return selector.select(com.nimbusds.jose.jwk.JWKSet.parse(retriever.retrieveResource(issuer.jwksUrl().toURL()).getContent()));
            } catch (IOException | java.text.ParseException e) {
                throw new com.nimbusds.jose.KeySourceException("cannot fetch the issuer's keys", e);
            }
        };
        verifier.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        verifier.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId,
                new JWTClaimsSet.Builder().issuer(issuer.issuerUrl().toString()).build(), Set.of("exp", "sub")));
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.sslContext()));
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "test-apiserver");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answer SelfSubjectReviews with 403, like a cluster whose RBAC denies the (authenticated) user. */
    public void forbidSelfSubjectReviews(boolean forbid) {
        forbidSelfSubjectReviews = forbid;
    }

    public int rejectedRequests() {
        return rejected.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String body;
        int status;
        try {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                throw new IllegalArgumentException("no bearer token");
            }
            JWTClaimsSet claims = verifier.process(authorization.substring("Bearer ".length()), null);
            status = 200;
            body = Json.write(Map.of("kind", "Whoami", "email", String.valueOf(claims.getClaim("email")), "path", exchange.getRequestURI().getPath()));
            if (exchange.getRequestURI().getPath().equals("/apis/authentication.k8s.io/v1/selfsubjectreviews")
                    && exchange.getRequestMethod().equals("POST")) {
                status = forbidSelfSubjectReviews ? 403 : 201;
                body = forbidSelfSubjectReviews ? forbidden(claims) : selfSubjectReview(claims);
            }
        } catch (Exception e) {
            rejected.incrementAndGet();
            status = 401;
            body = Json.write(Map.of("kind", "Status", "apiVersion", "v1", "metadata", Map.of(), "status", "Failure",
                    "message", "Unauthorized", "reason", "Unauthorized", "code", 401));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** What the API server answers with --oidc-username-claim=email and --oidc-groups-claim=groups. */
    private static String selfSubjectReview(JWTClaimsSet claims) {
        Object groups = claims.getClaim("groups");
        List<Object> all = new java.util.ArrayList<>(groups instanceof List<?> list ? list : List.of());
        all.add("system:authenticated");
        return Json.write(Map.of("kind", "SelfSubjectReview", "apiVersion", "authentication.k8s.io/v1",
                "metadata", Map.of("creationTimestamp", "2026-12-04T00:00:00Z"),
                "status", Map.of("userInfo", Map.of("username", String.valueOf(claims.getClaim("email")), "groups", all))));
    }

    private static String forbidden(JWTClaimsSet claims) {
        return Json.write(Map.of("kind", "Status", "apiVersion", "v1", "metadata", Map.of(), "status", "Failure",
                "message", "selfsubjectreviews.authentication.k8s.io is forbidden: User \"" + claims.getClaim("email")
                        + "\" cannot create resource \"selfsubjectreviews\" in API group \"authentication.k8s.io\" at the cluster scope",
                "reason", "Forbidden", "code", 403));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
