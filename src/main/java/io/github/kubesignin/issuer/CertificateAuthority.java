package io.github.kubesignin.issuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate authority, generated in memory, that issues the embedded issuer's TLS certificate.
 * Clients trust it explicitly (a CA file, a trust store), never by skipping verification.
 */
public final class CertificateAuthority {
    private static final Duration BACKDATE = Duration.ofHours(1); // tolerate clients whose clock is a little behind
    private static final Duration CA_VALIDITY = Duration.ofDays(3653);
    private static final Duration SERVER_VALIDITY = Duration.ofDays(825);

    private final KeyPair keyPair;
    private final byte[] name;
    private final X509Certificate certificate;
    private final Clock clock;

    private CertificateAuthority(KeyPair keyPair, byte[] name, X509Certificate certificate, Clock clock) {
        this.keyPair = keyPair;
        this.name = name;
        this.certificate = certificate;
        this.clock = clock;
    }

    /** A self-signed CA valid from one hour before {@code clock.instant()} for ten years. */
    public static CertificateAuthority generate(String commonName, Clock clock) {
        KeyPair keyPair = newRsaKeyPair();
        byte[] name = CertificateBuilder.commonNameOnly(commonName);
        Instant now = clock.instant();
        X509Certificate certificate = new CertificateBuilder()
                .subject(name, (RSAPublicKey) keyPair.getPublic())
                .issuer(name, (RSAPublicKey) keyPair.getPublic())
                .validity(now.minus(BACKDATE), now.plus(CA_VALIDITY))
                .basicConstraints(true)
                .keyUsage(CertificateBuilder.KEY_CERT_SIGN, CertificateBuilder.CRL_SIGN)
                .signWith(keyPair.getPrivate());
        return new CertificateAuthority(keyPair, name, certificate, clock);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String certificatePem() {
        return pem(certificate);
    }

    /** Writes the CA certificate as PEM (creating parent folders) and returns the file, e.g. for {@code curl --cacert}. */
    public Path writeCertificatePem(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, certificatePem(), StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the CA certificate to " + file, e);
        }
    }

    /** A TLS server certificate for the given host names and IP literals, with a fresh RSA key. */
    public ServerCertificate issueServerCertificate(List<String> dnsNames, List<String> ipAddresses) {
        if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one DNS name or IP address");
        }
        KeyPair serverKey = newRsaKeyPair();
        String commonName = dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0);
        Instant now = clock.instant();
        X509Certificate leaf = new CertificateBuilder()
                .subject(CertificateBuilder.commonNameOnly(commonName), (RSAPublicKey) serverKey.getPublic())
                .issuer(name, (RSAPublicKey) keyPair.getPublic())
                .validity(now.minus(BACKDATE), now.plus(SERVER_VALIDITY))
                .basicConstraints(false)
                .keyUsage(CertificateBuilder.DIGITAL_SIGNATURE, CertificateBuilder.KEY_ENCIPHERMENT)
                .serverAuth()
                .subjectAlternativeNames(dnsNames, ipAddresses)
                .signWith(keyPair.getPrivate());
        return new ServerCertificate(leaf, certificate, serverKey.getPrivate());
    }

    /** A client TLS context that trusts this CA only. */
    public SSLContext clientSslContext() {
        return trusting(certificate);
    }

    /** A client TLS context that trusts exactly the given CA certificates (and not the JDK's default ones). */
    public static SSLContext trusting(X509Certificate... certificateAuthorities) {
        try {
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            for (int i = 0; i < certificateAuthorities.length; i++) {
                trustStore.setCertificateEntry("ca-" + i, certificateAuthorities[i]);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not build a trust store", e);
        }
    }

    static String pem(X509Certificate certificate) {
        try {
            return Pem.encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is missing from this JDK", e);
        }
    }
}
