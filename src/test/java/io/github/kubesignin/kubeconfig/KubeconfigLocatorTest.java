package io.github.kubesignin.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubeconfigLocatorTest {
    private static final Path HOME = Path.of("/home/ann");
    private static final String SEP = File.pathSeparator;

    @Test
    void explicitFileWins() {
        Path chosen = KubeconfigLocator.resolve(Optional.of(Path.of("/tmp/k")), Map.of("KUBECONFIG", "/a"), HOME);
        assertThat(chosen).isEqualTo(Path.of("/tmp/k"));
    }

    @Test
    void firstEntryOfKubeconfigVariable() {
        Map<String, String> env = Map.of("KUBECONFIG", "/a/one" + SEP + "/b/two");
        assertThat(KubeconfigLocator.resolve(Optional.empty(), env, HOME)).isEqualTo(Path.of("/a/one"));
        assertThat(KubeconfigLocator.all(env)).containsExactly(Path.of("/a/one"), Path.of("/b/two"));
    }

    @Test
    void emptyEntriesAreSkipped() {
        Map<String, String> env = Map.of("KUBECONFIG", SEP + SEP + "/b/two" + SEP);
        assertThat(KubeconfigLocator.resolve(Optional.empty(), env, HOME)).isEqualTo(Path.of("/b/two"));
        assertThat(KubeconfigLocator.all(env)).containsExactly(Path.of("/b/two"));
    }

    @Test
    void homeDefaultWhenVariableUnsetOrEmpty() {
        Path expected = Path.of("/home/ann/.kube/config");
        assertThat(KubeconfigLocator.resolve(Optional.empty(), Map.of(), HOME)).isEqualTo(expected);
        assertThat(KubeconfigLocator.resolve(Optional.empty(), Map.of("KUBECONFIG", ""), HOME)).isEqualTo(expected);
        assertThat(KubeconfigLocator.all(Map.of(), HOME)).containsExactly(expected);
    }
}
