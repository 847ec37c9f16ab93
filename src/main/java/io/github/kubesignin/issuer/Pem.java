package io.github.kubesignin.issuer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM armour (RFC 7468): base64 in 64-character lines between BEGIN/END labels. */
final class Pem {
    private Pem() {
    }

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
