package io.github.kubesignin.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away CA and a server certificate for 127.0.0.1, made with the openssl command line.
 * Kept in one place so that it can be swapped for the project's own CA generator later.
 */
final class TestCertificates {

    /** PEM files: the CA certificate, the server certificate and the server's PKCS#8 private key. */
    record TlsFiles(Path caCertificate, Path serverCertificate, Path serverPrivateKey) {
    }

    private TestCertificates() {
    }

    static TlsFiles generate(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path caKey = directory.resolve("ca-key.pem");
        Path caCert = directory.resolve("ca.pem");
        Path serverKey = directory.resolve("server-key.pem");
        Path serverCsr = directory.resolve("server.csr");
        Path serverCert = directory.resolve("server.pem");
        Path extensions = directory.resolve("server-extensions.cnf");

        openssl(directory, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2",
                "-subj", "/CN=kubesignin interop test CA",
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-keyout", caKey.toString(), "-out", caCert.toString());
        // OpenSSL 3 writes "-nodes" keys as unencrypted PKCS#8 ("BEGIN PRIVATE KEY"), which Keycloak reads.
        openssl(directory, "req", "-newkey", "rsa:2048", "-nodes", "-sha256", "-subj", "/CN=127.0.0.1",
                "-keyout", serverKey.toString(), "-out", serverCsr.toString());
        Files.writeString(extensions, String.join("\n",
                "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "basicConstraints=critical,CA:FALSE",
                "keyUsage=critical,digitalSignature,keyEncipherment",
                "extendedKeyUsage=serverAuth", ""), StandardCharsets.US_ASCII);
        openssl(directory, "x509", "-req", "-in", serverCsr.toString(), "-CA", caCert.toString(),
                "-CAkey", caKey.toString(), "-set_serial", "0x" + randomSerial(), "-days", "2", "-sha256",
                "-extfile", extensions.toString(), "-out", serverCert.toString());
        return new TlsFiles(caCert, serverCert, serverKey);
    }

    private static String randomSerial() {
        byte[] serial = new byte[16];
        new SecureRandom().nextBytes(serial);
        serial[0] &= 0x7f; // positive, as RFC 5280 requires
        return HexFormat.of().formatHex(serial);
    }

    private static void openssl(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("openssl " + arguments[0] + " failed: " + output);
        }
    }
}
