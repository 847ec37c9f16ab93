package io.github.kubesignin.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A 2,000-context file: one upsert changes one entry and nothing else, in reasonable time. */
class LargeKubeconfigTest {
    private static final int CONTEXTS = 2_000;

    static String bigKubeconfig() {
        StringBuilder text = new StringBuilder("apiVersion: v1\nclusters:\n");
        for (int i = 0; i < CONTEXTS; i++) {
            text.append("# cluster ").append(i).append('\n')
                    .append("- cluster:\n    certificate-authority-data: ").append("QUJD".repeat(300)).append('\n')
                    .append("    server: https://10.0.").append(i / 250).append('.').append(i % 250).append(":6443\n")
                    .append("  name: cluster-").append(i).append('\n');
        }
        text.append("contexts:\n");
        for (int i = 0; i < CONTEXTS; i++) {
            text.append("- context:\n    cluster: cluster-").append(i).append("\n    namespace: ns-").append(i)
                    .append("\n    user: user-").append(i).append("\n  name: context-").append(i).append('\n');
        }
        text.append("current-context: context-0\nkind: Config\npreferences: {}\nusers:\n");
        for (int i = 0; i < CONTEXTS; i++) {
            text.append("- name: user-").append(i).append("\n  user:\n    token: token-").append(i).append('\n');
        }
        return text.toString();
    }

    @Test
    void upsertingOneUserLeavesTheOtherLinesAsTheyWere() {
        String text = bigKubeconfig();
        for (int round = 1; round <= 3; round++) { // round 1 is a cold JVM, as in one CLI run
            long start = System.nanoTime();
            KubeconfigDocument document = KubeconfigDocument.parse(text, "big");
            long parsed = System.nanoTime();
            document.upsertUser("user-1000", KubeconfigEntries.tokenUser("new-token"));
            String out = document.serialize();
            long serialized = System.nanoTime();
            String diff = UnifiedDiff.diff(text, out, "a", "b");
            long diffed = System.nanoTime();

            assertThat(out).isEqualTo(text.replace("    token: token-1000\n", "    token: new-token\n"));
            assertThat(diff.lines().filter(line -> line.startsWith("@@"))).containsExactly("@@ " + hunkFor(text) + " @@");
            // a generous bound for a busy 2-core machine; the figures themselves are printed
            assertThat(Duration.ofNanos(diffed - start)).isLessThan(Duration.ofSeconds(10));
            System.out.printf("2,000-context kubeconfig (%d KB, %d lines), round %d: parse %d ms, upsert+serialize %d ms,"
                    + " diff %d ms%n", text.length() / 1024, text.lines().count(), round, (parsed - start) / 1_000_000,
                    (serialized - parsed) / 1_000_000, (diffed - serialized) / 1_000_000);
        }
    }

    private static String hunkFor(String text) {
        List<String> lines = text.lines().toList();
        int index = lines.indexOf("    token: token-1000");
        return "-" + (index - 2) + ",7 +" + (index - 2) + ",7";
    }
}
