package io.github.kubesignin.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {
    private static CertificateAuthority ca;
    private static ServerCertificate server;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        ca = CertificateAuthority.generate("kubesignin test CA", Clock.systemUTC());
        server = ca.issueServerCertificate(List.of("localhost"), List.of("127.0.0.1", "::1"));
    }

    @Test
    void caCertificateIsAValidCa() throws Exception {
        X509Certificate cert = ca.certificate();
        cert.verify(cert.getPublicKey());
        cert.checkValidity();
        assertThat(cert.getVersion()).isEqualTo(3);
        assertThat(cert.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE); // CA:true without a path length
        assertThat(cert.getKeyUsage()).startsWith(false, false, false, false, false, true, true); // Java pads to 9 bits
        assertThat(cert.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=kubesignin test CA");
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withRSA");
    }

    @Test
    void caValidityFollowsTheClock() {
        Instant now = Instant.parse("2030-06-01T12:00:00Z");
        CertificateAuthority fixed = CertificateAuthority.generate("fixed", Clock.fixed(now, ZoneOffset.UTC));
        assertThat(fixed.certificate().getNotBefore().toInstant()).isEqualTo(Instant.parse("2030-06-01T11:00:00Z"));
        // ends after 2050, so it exercises GeneralizedTime
        assertThat(fixed.certificate().getNotAfter().toInstant()).isAfter(Instant.parse("2040-05-31T00:00:00Z"));
    }

    @Test
    void serverCertificateChainsToTheCa() throws Exception {
        X509Certificate leaf = server.certificate();
        leaf.verify(ca.certificate().getPublicKey());
        assertThat(leaf.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getKeyUsage()).startsWith(true, false, true);
        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        List<List<?>> sans = new ArrayList<>();
        leaf.getSubjectAlternativeNames().forEach(sans::add);
        assertThat(sans).containsExactly(List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));

        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.certificate(), null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(List.of(leaf)), parameters);
    }

    @Test
    void privateKeyPemMatchesTheCertificate() throws Exception {
        String pem = server.privateKeyPem();
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(server.certificate().getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void certificatePemHoldsLeafThenCa() throws Exception {
        List<java.security.cert.Certificate> certs = new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(
                new java.io.ByteArrayInputStream(server.certificatePem().getBytes(StandardCharsets.US_ASCII))));
        assertThat(certs).containsExactly(server.certificate(), ca.certificate());
        assertThat(server.keyStore("pw".toCharArray()).getCertificateChain("server")).hasSize(2);
    }

    @Test
    void writeCertificatePemCreatesParentFolders() throws Exception {
        Path file = ca.writeCertificatePem(dir.resolve("a/b/ca.pem"));
        assertThat(Files.readString(file)).isEqualTo(ca.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n");
    }

    @Test
    void opensslParsesAndVerifiesTheChain() throws Exception {
        assumeTrue(ExternalTools.onPath("openssl"), "openssl is not installed");
        Path caFile = ca.writeCertificatePem(dir.resolve("ca.pem"));
        Path leafFile = Files.writeString(dir.resolve("leaf.pem"), CertificateAuthority.pem(server.certificate()));

        ExternalTools.Result verify = ExternalTools.run("openssl", "verify", "-x509_strict", "-purpose", "sslserver",
                "-CAfile", caFile.toString(), leafFile.toString());
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains(": OK");

        ExternalTools.Result text = ExternalTools.run("openssl", "x509", "-noout", "-text", "-in", leafFile.toString());
        assertThat(text.exitCode()).as(text.output()).isZero();
        assertThat(text.output()).contains("DNS:localhost", "IP Address:127.0.0.1", "CA:FALSE",
                "TLS Web Server Authentication", "Digital Signature, Key Encipherment", "X509v3 Authority Key Identifier");
        ExternalTools.Result caText = ExternalTools.run("openssl", "x509", "-noout", "-text", "-in", caFile.toString());
        assertThat(caText.output()).contains("CA:TRUE", "Certificate Sign, CRL Sign");
    }
}
