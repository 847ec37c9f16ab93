package io.github.kubesignin.issuer;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A TLS server certificate with its private key and the CA that signed it. */
public final class ServerCertificate {
    private static final String ALIAS = "server";

    private final X509Certificate certificate;
    private final X509Certificate certificateAuthority;
    private final PrivateKey privateKey;

    ServerCertificate(X509Certificate certificate, X509Certificate certificateAuthority, PrivateKey privateKey) {
        this.certificate = certificate;
        this.certificateAuthority = certificateAuthority;
        this.privateKey = privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The chain as PEM: the server certificate, then the CA. */
    public String certificatePem() {
        return CertificateAuthority.pem(certificate) + CertificateAuthority.pem(certificateAuthority);
    }

    /** The private key as unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), e.g. for Keycloak's https options. */
    public String privateKeyPem() {
        return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
    }

    /** An in-memory PKCS#12 key store holding the key and the chain under the alias {@code server}. */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(ALIAS, privateKey, password, new Certificate[] {certificate, certificateAuthority});
            return keyStore;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not build the key store", e);
        }
    }

    /** A TLS context for a server that presents this certificate. */
    public SSLContext sslContext() {
        char[] password = "in-memory".toCharArray(); // never stored; PKCS#12 dislikes empty passwords
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore(password), password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not build the server TLS context", e);
        }
    }
}
