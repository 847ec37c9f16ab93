package io.github.kubesignin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real kubectl against an API server stand-in that accepts a request only with a bearer id_token that verifies
 * against the embedded issuer. kubectl starts the packaged jar for the exec user, as it would on a person's machine.
 */
class KubectlIT {
    static final Path GCLOUD_BIN = Path.of("/usr/lib/google-cloud-sdk/bin");

    @TempDir
    Path home;

    EmbeddedIssuer issuer;
    Path ca;
    CliHarness cli;
    io.github.kubesignin.kubectl.TokenCheckingApiServer apiServer;

    @BeforeEach
    void setUp() throws Exception {
        issuer = EmbeddedIssuer.demo().rotateRefreshTokens(true).start();
        ca = issuer.certificateAuthority().writeCertificatePem(home.resolve("ca.pem"));
        apiServer = io.github.kubesignin.kubectl.TokenCheckingApiServer.start(issuer, DemoData.CLIENT_ID);
        cli = new CliHarness(home);
        ok(cli.run("profile", "add", "demo", "--issuer", issuer.issuerUrl().toString(), "--client-id", DemoData.CLIENT_ID,
                "--public", "--ca-file", ca.toString(), "--username-claim", "email", "--username", DemoData.USER));
        ok(cli.runWithStdin(DemoData.PASSWORD + "\n", "login", "--profile", "demo", "--password-stdin"));
    }

    @AfterEach
    void tearDown() {
        apiServer.close();
        issuer.close();
    }

    private static CliHarness.Result ok(CliHarness.Result result) {
        assertThat(result.exitCode()).as(result.all()).isZero();
        return result;
    }

    private CliHarness.Result write(String... extra) {
        List<String> args = new ArrayList<>(List.of("kubeconfig", "write", "--profile", "demo", "--server", apiServer.url().toString(),
                "--certificate-authority", ca.toString(), "--set-current"));
        args.addAll(List.of(extra));
        return ok(cli.run(args.toArray(String[]::new)));
    }

    record KubectlRun(int exitCode, String out, String err) {
    }

    private KubectlRun kubectl(String kubectl, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(kubectl));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("KUBECONFIG");
        builder.environment().remove("XDG_CONFIG_HOME");
        builder.environment().remove("XDG_CACHE_HOME");
        builder.environment().putAll(env);
        Path out = home.resolve("kubectl.out");
        Path err = home.resolve("kubectl.err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl finished").isTrue();
        return new KubectlRun(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private KubectlRun whoami(String kubectl) throws Exception {
        return kubectl(kubectl, Map.of(), "get", "--raw", "/whoami");
    }

    static Stream<String> kubectlVersions() {
        List<String> versions = new ArrayList<>(List.of("kubectl"));
        for (String v : List.of("1.27", "1.33")) {
            Path versioned = GCLOUD_BIN.resolve("kubectl." + v);
            if (Files.isExecutable(versioned)) {
                versions.add(versioned.toString());
            }
        }
        return versions.stream();
    }

    @ParameterizedTest
    @MethodSource("kubectlVersions")
    void execModeRunsGetToken(String kubectl) throws Exception {
        write();
        String config = Files.readString(home.resolve(".kube/config"));
        assertThat(config).contains("client.authentication.k8s.io/v1", "get-token", "interactiveMode: IfAvailable").doesNotContain(DemoData.PASSWORD);

        KubectlRun run = whoami(kubectl);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"email\":\"alice@example.com\"");
        assertThat(apiServer.rejectedRequests()).isZero();
    }

    @Test
    void authProviderModeWorksAndWarns() throws Exception {
        CliHarness.Result written = write("--mode", "auth-provider");
        assertThat(written.err()).contains("warning:", "plain text");
        assertThat(Files.readString(home.resolve(".kube/config"))).contains("name: oidc", "idp-issuer-url", "refresh-token");

        KubectlRun run = whoami("kubectl");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("alice@example.com");
    }

    @Test
    void tokenModeWorksAndWarns() throws Exception {
        CliHarness.Result written = write("--mode", "token");
        assertThat(written.err()).contains("warning:", "plain text", "expires at");
        KubectlRun run = whoami("kubectl");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("alice@example.com");
    }

    @Test
    void kubeconfigListingTwoFiles() throws Exception {
        Path first = home.resolve("first.yaml");
        Path second = Files.writeString(home.resolve("second.yaml"), """
                apiVersion: v1
                kind: Config
                # someone else's cluster
                clusters:
                - cluster:
                    server: https://elsewhere.example.com
                  name: elsewhere
                contexts:
                - context:
                    cluster: elsewhere
                    user: someone
                  name: elsewhere
                users:
                - name: someone
                  user:
                    token: not-ours
                """);
        String secondBefore = Files.readString(second);
        cli.environment.put("KUBECONFIG", first + File.pathSeparator + second);
        write();

        KubectlRun run = kubectl("kubectl", Map.of("KUBECONFIG", first + File.pathSeparator + second), "get", "--raw", "/whoami");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("alice@example.com");
        assertThat(Files.readString(first)).contains("get-token");
        assertThat(Files.readString(second)).isEqualTo(secondBefore);
        KubectlRun contexts = kubectl("kubectl", Map.of("KUBECONFIG", first + File.pathSeparator + second), "config", "get-contexts", "-o", "name");
        assertThat(contexts.out().lines()).contains("demo", "elsewhere");
    }

    @Test
    void afterLogoutKubectlFailsWithWhatToDo() throws Exception {
        write();
        ok(cli.run("logout", "--profile", "demo"));

        KubectlRun run = whoami("kubectl");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("kubesignin: profile 'demo' needs a new sign-in", "kubesignin login --profile demo");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void dryRunShowsTheDiffWithoutSecretsAndWritesNothing() throws Exception {
        CliHarness.Result dry = ok(cli.run("kubeconfig", "write", "--profile", "demo", "--server", apiServer.url().toString(),
                "--mode", "auth-provider", "--dry-run"));
        assertThat(dry.out()).contains("+++ ", "+  name: demo", "refresh-token: <secret>", "id-token: <secret>").doesNotContain("eyJ");
        assertThat(home.resolve(".kube/config")).doesNotExist();
    }
}
