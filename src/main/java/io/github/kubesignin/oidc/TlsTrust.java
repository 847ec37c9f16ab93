package io.github.kubesignin.oidc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which certificate authorities an issuer's TLS certificate must chain to: the system's, or exactly those in the
 * profile's CA file. Never a trust-all.
 */
final class TlsTrust {
    /**
     * One factory per CA file: building it costs milliseconds, and HttpsURLConnection reuses a kept-alive connection
     * only for the same factory, so discovery, keys and token requests share one TLS handshake.
     */
    private static final java.util.Map<String, SSLSocketFactory> FACTORIES = new java.util.concurrent.ConcurrentHashMap<>();

    private TlsTrust() {
    }

    /** Null means the JDK's default trust store. */
    static SSLSocketFactory socketFactory(Optional<Path> caFile) {
        if (caFile.isEmpty()) {
            return null;
        }
        Path file = caFile.get().toAbsolutePath();
        // keyed by the file's modification time too: a long-running app must see a replaced CA file
        String key = file + "@" + file.toFile().lastModified();
        return FACTORIES.computeIfAbsent(key, k -> create(file));
    }

    private static SSLSocketFactory create(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new OidcException(OidcProblem.UNTRUSTED_CERTIFICATE, "the CA file " + file + " holds no certificate");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new OidcException(OidcProblem.UNTRUSTED_CERTIFICATE,
                    "cannot read the CA file " + file + ": " + e.getMessage(), e);
        }
    }
}
