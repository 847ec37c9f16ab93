package io.github.kubesignin.issuer;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one X.509 v3 certificate (RFC 5280) with an RSA key, signed SHA256withRSA. The JDK has no public
 * certificate builder, and the project avoids BouncyCastle and {@code sun.*} classes, so the DER is written here.
 */
final class CertificateBuilder {
    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    static final int DIGITAL_SIGNATURE = 0;
    static final int KEY_ENCIPHERMENT = 2;
    static final int KEY_CERT_SIGN = 5;
    static final int CRL_SIGN = 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private byte[] issuerName;
    private byte[] subjectName;
    private RSAPublicKey subjectKey;
    private byte[] authorityKeyId;
    private Instant notBefore;
    private Instant notAfter;
    private final List<byte[]> extensions = new ArrayList<>();

    /** A Name made of a single CN; the same bytes must be reused as the issuer name of the certificates it signs. */
    static byte[] commonNameOnly(String commonName) {
        return Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8String(commonName))));
    }

    /** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits, which for RSA are the PKCS#1 key. */
    static byte[] keyIdentifier(RSAPublicKey key) {
        byte[] pkcs1 = Der.sequence(Der.integer(key.getModulus()), Der.integer(key.getPublicExponent()));
        try {
            return MessageDigest.getInstance("SHA-1").digest(pkcs1);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is missing from this JDK", e);
        }
    }

    CertificateBuilder subject(byte[] name, RSAPublicKey key) {
        this.subjectName = name;
        this.subjectKey = key;
        return this;
    }

    CertificateBuilder issuer(byte[] name, RSAPublicKey issuerKey) {
        this.issuerName = name;
        this.authorityKeyId = keyIdentifier(issuerKey);
        return this;
    }

    CertificateBuilder validity(Instant from, Instant until) {
        this.notBefore = from;
        this.notAfter = until;
        return this;
    }

    CertificateBuilder basicConstraints(boolean certificateAuthority) {
        // cA defaults to FALSE, and DER leaves defaults out: CA:false is an empty SEQUENCE.
        byte[] value = certificateAuthority ? Der.sequence(Der.bool(true)) : Der.sequence();
        extensions.add(extension(BASIC_CONSTRAINTS, true, value));
        return this;
    }

    CertificateBuilder keyUsage(int... bits) {
        extensions.add(extension(KEY_USAGE, true, Der.namedBits(bits)));
        return this;
    }

    CertificateBuilder serverAuth() {
        extensions.add(extension(EXTENDED_KEY_USAGE, false, Der.sequence(Der.oid(SERVER_AUTH))));
        return this;
    }

    CertificateBuilder subjectAlternativeNames(List<String> dnsNames, List<String> ipAddresses) {
        List<byte[]> names = new ArrayList<>();
        for (String dns : dnsNames) {
            names.add(Der.implicitPrimitive(2, dns.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        }
        for (String ip : ipAddresses) {
            names.add(Der.implicitPrimitive(7, ipLiteral(ip))); // 4 bytes for IPv4, 16 for IPv6
        }
        extensions.add(extension(SUBJECT_ALT_NAME, false, Der.sequence(names.toArray(byte[][]::new))));
        return this;
    }

    X509Certificate signWith(PrivateKey issuerPrivateKey) {
        List<byte[]> allExtensions = new ArrayList<>(extensions);
        allExtensions.add(extension(SUBJECT_KEY_IDENTIFIER, false, Der.octetString(keyIdentifier(subjectKey))));
        allExtensions.add(extension(AUTHORITY_KEY_IDENTIFIER, false,
                Der.sequence(Der.implicitPrimitive(0, authorityKeyId))));
        byte[] algorithm = Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nullValue());
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(2)), // v3
                Der.integer(serialNumber()),
                algorithm,
                issuerName,
                Der.sequence(Der.time(notBefore), Der.time(notAfter)),
                subjectName,
                subjectKey.getEncoded(), // already a DER SubjectPublicKeyInfo
                Der.explicit(3, Der.sequence(allExtensions.toArray(byte[][]::new))));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(issuerPrivateKey);
            signature.update(tbs);
            byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signature.sign()));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the certificate", e);
        }
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value)); // critical FALSE is the default: omitted
    }

    /** Positive, at most 20 octets, unpredictable (RFC 5280 §4.1.2.2). */
    private static BigInteger serialNumber() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static byte[] ipLiteral(String ip) {
        if (!ip.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException("not an IP address literal: " + ip); // never resolve a host name
        }
        try {
            return InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + ip, e);
        }
    }
}
