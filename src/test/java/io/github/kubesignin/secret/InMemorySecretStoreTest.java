package io.github.kubesignin.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemorySecretStoreTest {
    private final InMemorySecretStore store = new InMemorySecretStore();

    @Test
    void returnsWhatWasPut() {
        store.put("demo/client-secret", "s3cret");

        assertThat(store.get("demo/client-secret")).contains("s3cret");
    }

    @Test
    void putReplacesThePreviousValue() {
        store.put("demo/refresh-token", "first");
        store.put("demo/refresh-token", "second");

        assertThat(store.get("demo/refresh-token")).contains("second");
        assertThat(store.keys()).containsExactly("demo/refresh-token");
    }

    @Test
    void deleteRemovesTheSecret() {
        store.put("demo/password", "pw");

        store.delete("demo/password");

        assertThat(store.get("demo/password")).isEmpty();
        assertThat(store.keys()).isEmpty();
    }

    @Test
    void absentKeyIsEmptyAndDeletingItIsHarmless() {
        assertThat(store.get("nobody/client-secret")).isEmpty();

        store.delete("nobody/client-secret");

        assertThat(store.keys()).isEmpty();
    }

    @Test
    void keysOfTwoProfilesDoNotCollide() {
        store.put("alpha/client-secret", "a");
        store.put("beta/client-secret", "b");

        assertThat(store.get("alpha/client-secret")).contains("a");
        assertThat(store.get("beta/client-secret")).contains("b");
    }
}
