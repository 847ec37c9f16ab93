package io.github.kubesignin.testing;

import io.github.kubesignin.issuer.EmbeddedIssuer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded issuer for a test class, with its CA certificate written to a file that profiles can point at:
 * {@code @RegisterExtension static final RunningIssuer demo = RunningIssuer.demo();}. Started before any
 * {@code @BeforeAll} method of the class, stopped after the last test.
 */
public final class RunningIssuer implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<EmbeddedIssuer.Builder> builder;
    private EmbeddedIssuer issuer;
    private Path directory;
    private Path caFile;

    private RunningIssuer(Supplier<EmbeddedIssuer.Builder> builder) {
        this.builder = builder;
    }

    /** The demo issuer: demo users and clients, no refresh-token rotation. */
    public static RunningIssuer demo() {
        return new RunningIssuer(EmbeddedIssuer::demo);
    }

    /** An issuer built by the test, e.g. the demo one with an extra client. */
    public static RunningIssuer of(Supplier<EmbeddedIssuer.Builder> builder) {
        return new RunningIssuer(builder);
    }

    public EmbeddedIssuer issuer() {
        return issuer;
    }

    /** The issuer's CA certificate as a PEM file. */
    public Path caFile() {
        return caFile;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        issuer = builder.get().start();
        directory = Files.createTempDirectory("kubesignin-issuer-ca");
        caFile = issuer.certificateAuthority().writeCertificatePem(directory.resolve("ca.pem"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        issuer.close();
        Files.deleteIfExists(caFile);
        Files.deleteIfExists(directory);
    }
}
