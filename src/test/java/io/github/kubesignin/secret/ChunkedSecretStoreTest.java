package io.github.kubesignin.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChunkedSecretStoreTest {
    private static final int LIMIT = 2_000;
    private final InMemorySecretStore keychain = new InMemorySecretStore();
    private final ChunkedSecretStore store = new ChunkedSecretStore(keychain, LIMIT);

    /** Every item the wrapped keychain holds fits the limit. */
    private void assertEveryItemFits() {
        for (String key : keychain.keys()) {
            assertThat(keychain.get(key).orElseThrow().length()).as(key).isLessThanOrEqualTo(LIMIT);
        }
    }

    private static String token(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + (i * 7 + i / 26) % 26));
        }
        return out.toString();
    }

    @Test
    void shortValuesAreStoredAsTheyAre() {
        store.put("demo/password", "pw");

        assertThat(keychain.get("demo/password")).contains("pw");
        assertThat(keychain.keys()).containsExactly("demo/password");
        assertThat(store.get("demo/password")).contains("pw");
    }

    @Test
    void aTenThousandCharacterRefreshTokenIsStoredInParts() {
        String refreshToken = token(10_000);

        store.put("demo/refresh-token", refreshToken);

        assertThat(keychain.keys()).hasSize(6).contains("demo/refresh-token", "demo/refresh-token#1", "demo/refresh-token#5");
        assertThat(keychain.get("demo/refresh-token").orElseThrow()).startsWith("chunked:6:");
        assertEveryItemFits();
        assertThat(store.get("demo/refresh-token")).contains(refreshToken);
    }

    @Test
    void aValueOfExactlyTheLimitNeedsNoParts() {
        store.put("k", token(LIMIT));
        assertThat(keychain.keys()).containsExactly("k");
        store.put("k", token(LIMIT + 1));
        assertThat(keychain.keys()).containsExactlyInAnyOrder("k", "k#1");
        assertThat(store.get("k")).contains(token(LIMIT + 1));
    }

    @Test
    void unicodeSurvivesAndNoPartSplitsASurrogatePair() {
        String value = "ключ-🔑-鍵-".repeat(700); // 9 chars each, emoji are surrogate pairs
        store.put("demo/password", value);

        assertThat(store.get("demo/password")).contains(value);
        assertEveryItemFits();
        for (String key : keychain.keys()) {
            String part = keychain.get(key).orElseThrow();
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).as(key).isFalse();
            assertThat(Character.isLowSurrogate(part.charAt(0))).as(key).isFalse();
        }
    }

    @Test
    void aShorterValueRemovesTheLeftoverParts() {
        store.put("demo/refresh-token", token(10_000));
        store.put("demo/refresh-token", token(4_500));
        assertThat(keychain.keys()).containsExactlyInAnyOrder("demo/refresh-token", "demo/refresh-token#1", "demo/refresh-token#2");
        assertThat(store.get("demo/refresh-token")).contains(token(4_500));

        store.put("demo/refresh-token", "short");
        assertThat(keychain.keys()).containsExactly("demo/refresh-token");
        assertThat(store.get("demo/refresh-token")).contains("short");
    }

    @Test
    void deleteRemovesEveryPart() {
        store.put("demo/refresh-token", token(10_000));
        store.put("demo/password", "kept");

        store.delete("demo/refresh-token");

        assertThat(keychain.keys()).containsExactly("demo/password");
        assertThat(store.get("demo/refresh-token")).isEmpty();
        store.delete("demo/refresh-token"); // nothing there: no error
    }

    @Test
    void aShortValueThatLooksLikeAHeaderIsNotMisread() {
        store.put("k", "chunked:3:not really");
        assertThat(store.get("k")).contains("chunked:3:not really");
        store.put("k", "");
        assertThat(store.get("k")).contains("");
    }

    @Test
    void aMissingPartReadsAsAbsentRatherThanTruncated() {
        store.put("k", token(5_000));
        keychain.delete("k#1");
        assertThat(store.get("k")).isEqualTo(Optional.empty());
    }

    @Test
    void closingClosesTheWrappedStore() throws Exception {
        class ClosableStore implements SecretStore, AutoCloseable {
            boolean closed;
            public Optional<String> get(String key) { return Optional.empty(); }
            public void put(String key, String secret) { }
            public void delete(String key) { }
            public void close() { closed = true; }
        }
        ClosableStore inner = new ClosableStore();
        new ChunkedSecretStore(inner).close();
        assertThat(inner.closed).isTrue();
    }
}
