package io.github.kubesignin.interop;

import io.github.kubesignin.issuer.CertificateAuthority;
import io.github.kubesignin.issuer.ServerCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** A throw-away CA and a server certificate for 127.0.0.1, from the project's own certificate authority. */
final class TestCertificates {

    /** PEM files: the CA certificate, the server certificate and the server's PKCS#8 private key. */
    record TlsFiles(Path caCertificate, Path serverCertificate, Path serverPrivateKey) {
    }

    private TestCertificates() {
    }

    static TlsFiles generate(Path directory) throws IOException {
        Files.createDirectories(directory);
        CertificateAuthority ca = CertificateAuthority.generate("kubesignin interop test CA", Clock.systemUTC());
        ServerCertificate server = ca.issueServerCertificate(List.of("localhost"), List.of("127.0.0.1"));
        Path caCert = ca.writeCertificatePem(directory.resolve("ca.pem"));
        Path serverCert = Files.writeString(directory.resolve("server.pem"), server.certificatePem());
        Path serverKey = Files.writeString(directory.resolve("server-key.pem"), server.privateKeyPem()); // PKCS#8, as Keycloak reads it
        return new TlsFiles(caCert, serverCert, serverKey);
    }
}
