package io.github.kubesignin.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What this package writes, the real kubectl reads: each user kind, and a $KUBECONFIG of two files. */
class KubectlAcceptsTest {
    private static final String CA_DATA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMvakNDQWVhZ0F3SUJBZ0lCQURBTkJna3Foa2lHOXcwQkFRc0ZBREFWCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K";

    @TempDir
    Path dir;

    private final KubeconfigEditor editor = new KubeconfigEditor(new KubeconfigWriter(Clock.systemUTC()));

    @BeforeAll
    static void kubectlIsInstalled() {
        assumeTrue(kubectl().isPresent(), "kubectl is not on PATH");
    }

    @Test
    void execUser() throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, Resources.text("realistic.yaml"));
        editor.edit(file, doc -> {
            doc.upsertUser("oidc-prod", KubeconfigEntries.execUser(
                    List.of("/usr/lib/jvm/java-17/bin/java", "-jar", "/opt/kubesignin/kubesignin.jar"),
                    List.of("get-token", "--profile", "prod"), "Install kubesignin from https://example.com"));
            doc.setCurrentContext("prod");
        }, false);

        String prefix = "{.users[?(@.name==\"oidc-prod\")].user.exec.";
        assertThat(view(file, prefix + "command}")).isEqualTo("/usr/lib/jvm/java-17/bin/java");
        assertThat(view(file, prefix + "args}"))
                .isEqualTo("[\"-jar\",\"/opt/kubesignin/kubesignin.jar\",\"get-token\",\"--profile\",\"prod\"]");
        assertThat(view(file, prefix + "apiVersion}")).isEqualTo("client.authentication.k8s.io/v1");
        assertThat(view(file, prefix + "interactiveMode}")).isEqualTo("IfAvailable");
        assertThat(view(file, prefix + "installHint}")).isEqualTo("Install kubesignin from https://example.com");
        // the untouched entries are still read by kubectl
        assertThat(view(file, "{.users[*].name}")).isEqualTo("admin minikube oidc-prod"); // kubectl sorts by name
        assertThat(view(file, "{.clusters[?(@.name==\"minikube\")].cluster.extensions[0].name}")).isEqualTo("cluster_info");
        assertThat(run(List.of("config", "current-context", "--kubeconfig", file.toString()), Map.of()).trim()).isEqualTo("prod");
    }

    /** kubectl runs the exec entry: it gets past authentication to the (closed) server, or names the missing program. */
    @Test
    void kubectlRunsTheExecEntry() throws Exception {
        Path plugin = dir.resolve("plugin.sh");
        Files.writeString(plugin, "#!/bin/sh\ntouch \"$0.ran\"\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                + "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"abc\"}}'\n");
        plugin.toFile().setExecutable(true);
        Path file = dir.resolve("config");
        for (String command : List.of(plugin.toString(), "/nonexistent/kubesignin")) {
            editor.edit(file, doc -> {
                doc.upsertCluster("closed", KubeconfigEntries.cluster("https://127.0.0.1:1", Optional.empty(), Optional.empty()));
                doc.upsertUser("me", KubeconfigEntries.execUser(List.of(command), List.of("get-token"), "Install kubesignin, then retry"));
                doc.upsertContext("closed", KubeconfigEntries.context("closed", "me"));
                doc.setCurrentContext("closed");
            }, false);
            String output = runAllowingFailure(List.of("get", "--raw", "/version", "--request-timeout=5s",
                    "--kubeconfig", file.toString()));
            if (command.equals(plugin.toString())) {
                assertThat(output).contains("127.0.0.1:1 was refused").doesNotContain("exec");
                assertThat(dir.resolve("plugin.sh.ran")).as("kubectl ran the plugin").exists();
            } else {
                // kubectl (1.32) prints installHint only when a bare command is not found on PATH; for a missing
                // absolute path it names the path instead, which is as helpful
                assertThat(output).contains("getting credentials", "/nonexistent/kubesignin", "no such file");
            }
        }
    }

    @Test
    void authProviderUser() throws Exception {
        Path file = dir.resolve("config");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("idp-issuer-url", "https://idp.example.com/realms/kube");
        config.put("client-id", "kube");
        config.put("client-secret", "s3cret");
        config.put("id-token", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        config.put("refresh-token", "r3fresh");
        config.put("idp-certificate-authority-data", CA_DATA);
        editor.edit(file, doc -> {
            doc.upsertCluster("dev", KubeconfigEntries.cluster("https://127.0.0.1:6443", Optional.empty(), Optional.of(CA_DATA)));
            doc.upsertUser("dev-oidc", KubeconfigEntries.authProviderUser(config));
            doc.upsertContext("dev", KubeconfigEntries.context("dev", "dev-oidc"));
            doc.setCurrentContext("dev");
        }, false);

        String prefix = "{.users[?(@.name==\"dev-oidc\")].user.auth-provider.";
        assertThat(view(file, prefix + "name}")).isEqualTo("oidc");
        assertThat(view(file, prefix + "config.idp-issuer-url}")).isEqualTo("https://idp.example.com/realms/kube");
        assertThat(view(file, prefix + "config.refresh-token}")).isEqualTo("r3fresh");
        assertThat(view(file, prefix + "config.idp-certificate-authority-data}")).isEqualTo(CA_DATA);
        assertThat(view(file, "{.clusters[0].cluster.certificate-authority-data}")).isEqualTo(CA_DATA);
        assertThat(run(List.of("config", "view", "--minify", "--kubeconfig", file.toString(), "-o",
                "jsonpath={.contexts[0].context.user}"), Map.of())).isEqualTo("dev-oidc");
    }

    @Test
    void tokenUserWithCaFileCluster() throws Exception {
        Path file = dir.resolve("config");
        Path ca = Files.writeString(dir.resolve("ca.crt"), "not checked by config view\n");
        editor.edit(file, doc -> {
            doc.upsertCluster("dev", KubeconfigEntries.cluster("https://127.0.0.1:6443", Optional.of(ca), Optional.empty()));
            doc.upsertUser("dev-token", KubeconfigEntries.tokenUser("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));
            doc.upsertContext("dev", KubeconfigEntries.context("dev", "dev-token"));
        }, false);

        assertThat(view(file, "{.users[?(@.name==\"dev-token\")].user.token}")).isEqualTo("eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        assertThat(view(file, "{.clusters[0].cluster.certificate-authority}")).isEqualTo(ca.toString());
        assertThat(view(file, "{.contexts[0].context.cluster}")).isEqualTo("dev");
    }

    @Test
    void kubeconfigVariableWithTwoFiles() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Files.writeString(second, Resources.text("kubectl-written.yaml"));
        Map<String, String> env = Map.of("KUBECONFIG", first + File.pathSeparator + second);
        Path target = KubeconfigLocator.resolve(Optional.empty(), env, dir);
        assertThat(target).isEqualTo(first);

        editor.edit(target, doc -> {
            doc.upsertUser("me", KubeconfigEntries.tokenUser("t0k3n"));
            doc.upsertContext("mine", KubeconfigEntries.context("kind-kind", "me")); // the cluster lives in the second file
        }, false);

        assertThat(Files.readString(second)).isEqualTo(Resources.text("kubectl-written.yaml"));
        assertThat(run(List.of("config", "get-contexts", "-o", "name"), env).lines().sorted().toList())
                .containsExactly("kind-kind", "mine");
        assertThat(run(List.of("config", "view", "--raw", "--minify", "--context", "mine", "-o",
                "jsonpath={.clusters[0].cluster.server} {.users[0].user.token}"), env))
                .isEqualTo("https://127.0.0.1:39443 t0k3n");
    }

    private String view(Path file, String jsonPath) throws Exception {
        return run(List.of("config", "view", "--raw", "--kubeconfig", file.toString(), "-o", "jsonpath=" + jsonPath), Map.of());
    }

    private String runAllowingFailure(List<String> args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(true);
        builder.environment().remove("KUBECONFIG");
        builder.environment().put("HOME", dir.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static List<String> command(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(kubectl().orElseThrow().toString());
        command.addAll(args);
        return command;
    }

    private String run(List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(kubectl().orElseThrow().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("KUBECONFIG");
        builder.environment().put("HOME", dir.toString()); // never read the developer's own ~/.kube/config
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl %s: %s", args, output).isZero();
        return output;
    }

    private static Optional<Path> kubectl() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, "kubectl");
            if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
