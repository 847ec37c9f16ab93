package io.github.kubesignin.cluster;

import io.github.kubesignin.json.Json;
import io.github.kubesignin.json.JsonException;
import io.github.kubesignin.oidc.HttpSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Asks the cluster who a token belongs to, as {@code kubectl auth whoami} does: a SelfSubjectReview
 * ({@code authentication.k8s.io/v1}) over HTTPS with the cluster's CA. The only network call in this package.
 */
public final class SelfSubjectReview {
    static final String PATH = "/apis/authentication.k8s.io/v1/selfsubjectreviews";
    private static final String BODY = "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\"}";

    private final HttpSettings http;

    public SelfSubjectReview(HttpSettings http) {
        this.http = http;
    }

    /** Never throws for the cluster's answers or network trouble: those are results. */
    public LiveResult check(ClusterTarget target, String token, Verdict verdict) {
        HttpResponse<String> response;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(http.connectTimeout()).sslContext(sslContext(target)).build();
            HttpRequest request = HttpRequest.newBuilder(endpoint(target.server()))
                    .timeout(http.readTimeout())
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY))
                    .build();
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (SSLHandshakeException e) {
            return new LiveResult.Failed("the API server's certificate is not trusted (" + e.getMessage()
                    + "); check the cluster's certificate-authority in the kubeconfig");
        } catch (IOException | GeneralSecurityException e) {
            return new LiveResult.Failed("cannot reach " + target.server() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LiveResult.Failed("interrupted");
        }
        int status = response.statusCode();
        if (status == 401) {
            return new LiveResult.Unauthorized(likelyCauses(verdict));
        }
        if (status == 403) {
            return new LiveResult.Forbidden(message(response.body()));
        }
        if (status / 100 == 2) {
            return mapped(response.body());
        }
        if (status == 404) {
            return new LiveResult.Failed("404: the cluster does not serve SelfSubjectReview (Kubernetes before 1.28, or not an API server)");
        }
        return new LiveResult.Failed("HTTP " + status + ": " + message(response.body()));
    }

    /** The offline verdict's failures, else the usual reasons a token that looks right is still refused. */
    static List<String> likelyCauses(Verdict verdict) {
        List<String> causes = new ArrayList<>();
        for (RuleCheck failure : verdict.failures()) {
            causes.add(failure.apiServerMessage() + " — " + failure.detail() + "; fix: " + failure.fix());
        }
        if (causes.isEmpty()) {
            causes.add("the token passes the profile's rules, so the cluster is set up differently: compare its --oidc-issuer-url"
                    + " and --oidc-client-id (or AuthenticationConfiguration) with 'kubesignin cluster-config --format flags'");
            causes.add("the API server cannot fetch the issuer's discovery document or keys (network, or --oidc-ca-file missing)");
            causes.add("OIDC is not configured on this API server at all");
        }
        return causes;
    }

    private static LiveResult mapped(String body) {
        try {
            Map<String, Object> review = Json.parseObject(body);
            Map<?, ?> status = review.get("status") instanceof Map<?, ?> s ? s : Map.of();
            Map<?, ?> userInfo = status.get("userInfo") instanceof Map<?, ?> u ? u : Map.of();
            List<String> groups = new ArrayList<>();
            if (userInfo.get("groups") instanceof List<?> list) {
                list.forEach(group -> groups.add(String.valueOf(group)));
            }
            return new LiveResult.Mapped(String.valueOf(userInfo.get("username")), groups);
        } catch (JsonException e) {
            return new LiveResult.Failed("the answer is not a SelfSubjectReview: " + e.getMessage());
        }
    }

    private static String message(String body) {
        try {
            Object message = Json.parseObject(body).get("message");
            return message == null ? body : message.toString();
        } catch (JsonException e) {
            return body.length() > 200 ? body.substring(0, 200) + "…" : body;
        }
    }

    private static URI endpoint(URI server) {
        String base = server.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH);
    }

    private static SSLContext sslContext(ClusterTarget target) throws GeneralSecurityException, IOException {
        if (target.caPem().isEmpty()) {
            return SSLContext.getDefault();
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        int i = 0;
        for (Certificate certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(target.caPem().get().getBytes(StandardCharsets.US_ASCII)))) {
            trust.setCertificateEntry("ca-" + i++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
