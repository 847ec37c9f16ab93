package io.github.kubesignin.issuer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** What clients sent to the token endpoint, for test assertions, with every secret value blanked. */
final class TokenRequestLog {
    static final String REDACTED = "<redacted>";
    private static final Set<String> SECRET_PARAMETERS = Set.of("password", "client_secret", "refresh_token", "code",
            "code_verifier", "device_code");

    private final Map<String, AtomicInteger> countsByGrantType = new ConcurrentHashMap<>();
    private final List<Map<String, String>> parameters = new CopyOnWriteArrayList<>();
    private final List<String> clientAuthenticationMethods = new CopyOnWriteArrayList<>();

    void record(FormData form, String clientAuthenticationMethod) {
        String grantType = form.has("grant_type") ? form.get("grant_type") : "";
        countsByGrantType.computeIfAbsent(grantType, type -> new AtomicInteger()).incrementAndGet();
        Map<String, String> redacted = new LinkedHashMap<>();
        form.asMap().forEach((name, value) -> redacted.put(name, SECRET_PARAMETERS.contains(name) ? REDACTED : value));
        parameters.add(Collections.unmodifiableMap(redacted)); // keeps the order sent
        clientAuthenticationMethods.add(clientAuthenticationMethod);
    }

    int count(String grantType) {
        AtomicInteger count = countsByGrantType.get(grantType);
        return count == null ? 0 : count.get();
    }

    List<Map<String, String>> parameters() {
        return List.copyOf(parameters);
    }

    List<String> clientAuthenticationMethods() {
        return List.copyOf(clientAuthenticationMethods);
    }
}
