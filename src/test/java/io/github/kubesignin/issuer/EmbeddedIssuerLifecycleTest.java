package io.github.kubesignin.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start, stop and restart, threads, and real TLS clients other than Java's (curl, kubectl's Go stack). */
class EmbeddedIssuerLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void closeFreesThePortAndARestartWithTheSameCaIsTrusted() throws Exception {
        IssuerHttp http = new IssuerHttp(TestCa.CA);
        int port;
        try (EmbeddedIssuer issuer = EmbeddedIssuer.demo().certificateAuthority(TestCa.CA).start()) {
            port = issuer.port();
            assertThat(http.get(issuer.discoveryUrl()).statusCode()).isEqualTo(200);
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
        try (EmbeddedIssuer again = EmbeddedIssuer.demo().certificateAuthority(TestCa.CA).port(port).start()) {
            assertThat(again.port()).isEqualTo(port);
            assertThat(http.get(again.discoveryUrl()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void runsOnDaemonThreadsOnlyAndStopsThemOnClose() throws Exception {
        Set<Thread> nonDaemonBefore = nonDaemonThreads();
        EmbeddedIssuer issuer = EmbeddedIssuer.demo().certificateAuthority(TestCa.CA).start();
        try {
            IssuerHttp http = new IssuerHttp(TestCa.CA);
            http.postForm(issuer.tokenEndpoint(), EmbeddedIssuerTest.passwordForm(DemoData.CLIENT_ID));
            assertThat(nonDaemonThreads()).as("threads that would keep the JVM alive")
                    .isSubsetOf(nonDaemonBefore);
            assertThat(issuerThreads()).isNotEmpty();
        } finally {
            long started = System.nanoTime();
            issuer.close();
            assertThat(System.nanoTime() - started).as("close() takes nanoseconds").isLessThan(2_000_000_000L);
        }
        long deadline = System.currentTimeMillis() + 3000;
        while (!issuerThreads().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(issuerThreads()).isEmpty();
    }

    @Test
    void curlTrustsTheIssuerWithTheCaFile() throws Exception {
        assumeTrue(ExternalTools.onPath("curl"), "curl is not installed");
        try (EmbeddedIssuer issuer = EmbeddedIssuer.demo().certificateAuthority(TestCa.CA).start()) {
            Path caFile = issuer.certificateAuthority().writeCertificatePem(dir.resolve("ca.pem"));

            ExternalTools.Result result = ExternalTools.run("curl", "-sS", "--fail", "--max-time", "10", "--cacert", caFile.toString(),
                    issuer.discoveryUrl().toString());

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("\"issuer\":\"" + issuer.issuerUrl() + "\"");

            ExternalTools.Result untrusted = ExternalTools.run("curl", "-sS", "--fail", "--max-time", "10",
                    issuer.discoveryUrl().toString());
            assertThat(untrusted.exitCode()).as("without the CA, curl must refuse").isNotZero();
        }
    }

    @Test
    void kubectlGoTlsStackTrustsTheIssuer() throws Exception {
        assumeTrue(ExternalTools.onPath("kubectl"), "kubectl is not installed");
        try (EmbeddedIssuer issuer = EmbeddedIssuer.demo().certificateAuthority(TestCa.CA).start()) {
            Path caFile = issuer.certificateAuthority().writeCertificatePem(dir.resolve("ca.pem"));
            Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");

            // get --raw sends one GET through client-go's TLS configuration: the issuer stands in for an API server
            ExternalTools.Result result = ExternalTools.run("kubectl", "--kubeconfig", kubeconfig.toString(),
                    "--server", "https://127.0.0.1:" + issuer.port(), "--certificate-authority", caFile.toString(),
                    "--token", "not-a-secret", "--request-timeout", "10s", "get", "--raw", "/.well-known/openid-configuration");

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("\"issuer\":\"" + issuer.issuerUrl() + "\"");

            ExternalTools.Result untrusted = ExternalTools.run("kubectl", "--kubeconfig", kubeconfig.toString(),
                    "--server", "https://127.0.0.1:" + issuer.port(), "--token", "not-a-secret",
                    "--request-timeout", "10s", "get", "--raw", "/.well-known/openid-configuration");
            assertThat(untrusted.exitCode()).as("without the CA, kubectl must refuse").isNotZero();
            assertThat(untrusted.output()).contains("certificate");
        }
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon())
                .collect(Collectors.toSet());
    }

    private static Set<Thread> issuerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> thread.getName().startsWith("kubesignin-issuer")
                        || thread.getName().startsWith("HTTP-Dispatcher"))
                .collect(Collectors.toSet());
    }
}
