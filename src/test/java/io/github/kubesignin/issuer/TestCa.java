package io.github.kubesignin.issuer;

import java.time.Clock;

/** One CA for all issuer tests in this JVM: RSA key generation is the slow part of starting an issuer. */
final class TestCa {
    static final CertificateAuthority CA = CertificateAuthority.generate("kubesignin test CA", Clock.systemUTC());

    private TestCa() {
    }
}
