package io.github.kubesignin.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits long secrets into parts so that they fit keychains with small items (Windows Credential Manager takes at
 * most 2,560 bytes). A long value under {@code KEY} is stored as {@code KEY} = {@code chunked:N:} + first part, then
 * {@code KEY#1} … {@code KEY#N-1}. Short values are stored as they are, unless they happen to start with the header
 * prefix, in which case they are stored chunked too so that reading is never ambiguous.
 *
 * <p>Parts never split a surrogate pair, so every part is valid UTF-16 on its own. Closing this store closes the
 * wrapped one when it can be closed.
 */
public final class ChunkedSecretStore implements SecretStore, AutoCloseable {
    /** Leaves room for the header and for keychains that count bytes of a multi-byte encoding. */
    public static final int DEFAULT_LIMIT = 2_000;
    static final String PREFIX = "chunked:";
    private static final int MIN_LIMIT = 32;

    private final SecretStore delegate;
    private final int limit;

    public ChunkedSecretStore(SecretStore delegate) {
        this(delegate, DEFAULT_LIMIT);
    }

    /** @param limit the most characters one keychain item may hold */
    public ChunkedSecretStore(SecretStore delegate, int limit) {
        if (limit < MIN_LIMIT) {
            throw new IllegalArgumentException("a part limit below " + MIN_LIMIT + " characters leaves no room for the header");
        }
        this.delegate = delegate;
        this.limit = limit;
    }

    @Override
    public Optional<String> get(String key) {
        Optional<String> head = delegate.get(key);
        if (head.isEmpty()) {
            return head;
        }
        Optional<Header> header = Header.parse(head.get());
        if (header.isEmpty()) {
            return head;
        }
        StringBuilder value = new StringBuilder(header.get().firstPart());
        for (int i = 1; i < header.get().parts(); i++) {
            Optional<String> part = delegate.get(partKey(key, i));
            if (part.isEmpty()) {
                return Optional.empty(); // a part went missing: a truncated secret is worse than none
            }
            value.append(part.get());
        }
        return Optional.of(value.toString());
    }

    @Override
    public void put(String key, String secret) {
        int oldParts = storedParts(key);
        List<String> parts = split(secret);
        // Parts first and the head last: until the head is replaced, readers see the old, complete value's count.
        for (int i = 1; i < parts.size(); i++) {
            delegate.put(partKey(key, i), parts.get(i));
        }
        delegate.put(key, parts.get(0));
        for (int i = parts.size(); i < oldParts; i++) {
            delegate.delete(partKey(key, i));
        }
    }

    @Override
    public void delete(String key) {
        int parts = storedParts(key);
        delegate.delete(key);
        for (int i = 1; i < parts; i++) {
            delegate.delete(partKey(key, i));
        }
    }

    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    static String partKey(String key, int index) {
        return key + "#" + index;
    }

    private int storedParts(String key) {
        return delegate.get(key).flatMap(Header::parse).map(Header::parts).orElse(1);
    }

    /** The items to store; a single item when the value fits and needs no header. */
    private List<String> split(String secret) {
        if (secret.length() <= limit && !secret.startsWith(PREFIX)) {
            return List.of(secret);
        }
        // The header's digit count depends on the part count, so size the parts for a generous header.
        int headerRoom = PREFIX.length() + 12;
        List<String> parts = new ArrayList<>();
        int start = 0;
        int room = limit - headerRoom;
        do {
            int end = Math.min(secret.length(), start + room);
            if (end < secret.length() && end > start + 1 && Character.isHighSurrogate(secret.charAt(end - 1))) {
                end--; // keep the pair together
            }
            parts.add(secret.substring(start, end));
            start = end;
            room = limit;
        } while (start < secret.length());
        parts.set(0, PREFIX + parts.size() + ":" + parts.get(0));
        return parts;
    }

    private record Header(int parts, String firstPart) {
        static Optional<Header> parse(String head) {
            if (!head.startsWith(PREFIX)) {
                return Optional.empty();
            }
            int colon = head.indexOf(':', PREFIX.length());
            if (colon < 0) {
                return Optional.empty();
            }
            try {
                int parts = Integer.parseInt(head.substring(PREFIX.length(), colon));
                return parts >= 1 ? Optional.of(new Header(parts, head.substring(colon + 1))) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
