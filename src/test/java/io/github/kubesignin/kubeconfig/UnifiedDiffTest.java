package io.github.kubesignin.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedDiffTest {
    @TempDir
    Path dir;

    @Test
    void equalTextsGiveNothing() {
        assertThat(UnifiedDiff.diff("a\nb\n", "a\nb\n", "x", "y")).isEmpty();
    }

    @Test
    void oneChangedLineWithContext() {
        String old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String now = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertThat(UnifiedDiff.diff(old, now, "a/config", "b/config")).isEqualTo("""
                --- a/config
                +++ b/config
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                """);
    }

    @Test
    void creatingAFileAndSingleLineRanges() {
        assertThat(UnifiedDiff.diff("", "a\nb\n", "o", "n")).isEqualTo("--- o\n+++ n\n@@ -0,0 +1,2 @@\n+a\n+b\n");
        assertThat(UnifiedDiff.diff("a\n", "", "o", "n")).isEqualTo("--- o\n+++ n\n@@ -1 +0,0 @@\n-a\n");
    }

    @Test
    void missingFinalNewlineIsMarked() {
        assertThat(UnifiedDiff.diff("a\nb", "a\nb\n", "o", "n")).isEqualTo(
                "--- o\n+++ n\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
    }

    @Test
    void sameAsGnuDiffForHandPickedCases() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/diff")), "GNU diff is not installed");
        String realistic = Resources.text("realistic.yaml");
        KubeconfigDocument document = KubeconfigDocument.parse(realistic, "r");
        document.upsertUser("oidc-prod", KubeconfigEntries.tokenUser("t"));
        document.upsertUser("new", KubeconfigEntries.tokenUser("n"));
        document.setCurrentContext("prod");
        List<String[]> cases = List.of(
                new String[] {realistic, document.serialize()},
                new String[] {"a\nb\nc\n", "a\nc\n"},
                new String[] {"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n",
                        "1\nX\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\nY\n16\n"}, // two hunks
                new String[] {"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\nX\n3\n4\n5\n6\n7\n8\nY\n10\n"}, // gap of 6 merges
                new String[] {"x\n", "y"});
        for (String[] pair : cases) {
            assertThat(UnifiedDiff.diff(pair[0], pair[1], "old", "new")).isEqualTo(gnuDiff(pair[0], pair[1]));
        }
    }

    /** Random edits: GNU patch applied to the old text must give the new one, and the diff is as small as GNU's. */
    @Test
    void randomEditsApplyWithGnuPatchAndAreMinimal() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/patch")) && Files.isExecutable(Path.of("/usr/bin/diff")));
        Random random = new Random(42);
        for (int round = 0; round < 40; round++) {
            List<String> old = randomLines(random, random.nextInt(30));
            List<String> now = mutate(random, old);
            String oldText = String.join("", old);
            String newText = String.join("", now);
            String diff = UnifiedDiff.diff(oldText, newText, "old", "new");
            assertThat(applyWithPatch(oldText, diff)).as("round %d", round).isEqualTo(newText);
            assertThat(changedLines(diff)).as("round %d", round).isEqualTo(changedLines(gnuDiff(oldText, newText)));
        }
    }

    private static List<String> randomLines(Random random, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add("line " + random.nextInt(8) + "\n"); // few distinct lines: many equal candidates
        }
        return lines;
    }

    private static List<String> mutate(Random random, List<String> old) {
        List<String> lines = new ArrayList<>(old);
        for (int edits = random.nextInt(5); edits > 0; edits--) {
            int at = lines.isEmpty() ? 0 : random.nextInt(lines.size());
            switch (random.nextInt(3)) {
                case 0 -> lines.add(at, "new " + random.nextInt(5) + "\n");
                case 1 -> { if (!lines.isEmpty()) lines.remove(at); }
                default -> { if (!lines.isEmpty()) lines.set(at, "changed " + random.nextInt(5) + "\n"); }
            }
        }
        return lines;
    }

    private static long changedLines(String diff) {
        return diff.lines().filter(line -> (line.startsWith("+") && !line.startsWith("+++"))
                || (line.startsWith("-") && !line.startsWith("---"))).count();
    }

    /** GNU diff -u with its header lines replaced by ours (GNU adds timestamps). */
    private String gnuDiff(String oldText, String newText) throws Exception {
        Path old = Files.writeString(dir.resolve("old"), oldText);
        Path now = Files.writeString(dir.resolve("new"), newText);
        String output = run(dir, "/usr/bin/diff", "-u", old.toString(), now.toString());
        if (output.isEmpty()) {
            return "";
        }
        int afterHeader = output.indexOf('\n', output.indexOf('\n') + 1) + 1;
        return "--- old\n+++ new\n" + output.substring(afterHeader);
    }

    private String applyWithPatch(String oldText, String diff) throws Exception {
        Path target = Files.writeString(dir.resolve("target"), oldText);
        Path patch = Files.writeString(dir.resolve("change.patch"), diff);
        if (!diff.isEmpty()) {
            run(dir, "/usr/bin/patch", "--quiet", "--force", target.toString(), patch.toString());
        }
        return Files.readString(target);
    }

    private static String run(Path workDir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isLessThanOrEqualTo(1);
        return output;
    }
}
