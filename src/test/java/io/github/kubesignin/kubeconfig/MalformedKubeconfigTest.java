package io.github.kubesignin.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class MalformedKubeconfigTest {

    @Test
    void tabIndentation() {
        MalformedKubeconfigException e = refuse("apiVersion: v1\nusers:\n- name: a\n\tuser:\n    token: x\n");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.reason()).contains("TAB").doesNotContain("\t");
    }

    @Test
    void badIndentation() {
        MalformedKubeconfigException e = refuse("apiVersion: v1\nusers:\n- name: a\n  user:\n    token: x\n   oops: y\n");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.reason()).isNotBlank();
    }

    @Test
    void unclosedQuote() {
        MalformedKubeconfigException e = refuse("apiVersion: v1\ncurrent-context: \"dev\nkind: Config\n");
        assertThat(e.line()).isBetween(2, 4);
    }

    @Test
    void usersIsNotAList() {
        MalformedKubeconfigException e = refuse("apiVersion: v1\nkind: Config\nusers: 3\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).isEqualTo("'users' is not a list");
    }

    @Test
    void clustersIsAMapping() {
        MalformedKubeconfigException e = refuse("clusters:\n  dev:\n    server: https://x\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).isEqualTo("'clusters' is not a list");
    }

    @Test
    void duplicateNames() {
        MalformedKubeconfigException e = refuse("""
                contexts:
                - context: {cluster: a, user: a}
                  name: dev
                - context: {cluster: b, user: b}
                  name: dev
                """);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.reason()).isEqualTo("the name 'dev' appears twice in 'contexts'");
    }

    @Test
    void entryWithoutName() {
        MalformedKubeconfigException e = refuse("users:\n- name: a\n  user: {}\n- user:\n    token: x\n");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.reason()).isEqualTo("an entry of 'users' has no name");
    }

    @Test
    void entryThatIsNotAMapping() {
        MalformedKubeconfigException e = refuse("users:\n- just-a-string\n");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void duplicateKeys() {
        MalformedKubeconfigException e = refuse("users:\n- name: a\n  user:\n    token: x\n    token: y\n");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.reason()).contains("'token' appears twice");
    }

    @Test
    void topLevelNotAMapping() {
        assertThat(refuse("- a\n- b\n").reason()).startsWith("the top level is not a mapping");
        assertThat(refuse("just text\n").line()).isEqualTo(1);
    }

    @Test
    void twoDocuments() {
        assertThat(refuse("apiVersion: v1\n---\napiVersion: v1\n").line()).isEqualTo(2);
    }

    @Test
    void messageNamesFileLineAndReasonAndPromisesNothingChanged() {
        MalformedKubeconfigException e = refuse("apiVersion: v1\nkind: Config\nusers: 3\n");
        assertThat(e.getMessage())
                .isEqualTo("/home/ann/.kube/config: line 3: 'users' is not a list; the file was left unchanged");
        assertThat(e.sourceName()).isEqualTo("/home/ann/.kube/config");
    }

    private static MalformedKubeconfigException refuse(String text) {
        MalformedKubeconfigException e = catchThrowableOfType(MalformedKubeconfigException.class,
                () -> KubeconfigDocument.parse(text, "/home/ann/.kube/config"));
        assertThat(e).as("refused: %s", text).isNotNull();
        assertThat(e.getMessage()).startsWith("/home/ann/.kube/config: line ").endsWith("; the file was left unchanged");
        return e;
    }
}
