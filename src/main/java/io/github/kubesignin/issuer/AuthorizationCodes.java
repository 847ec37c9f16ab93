package io.github.kubesignin.issuer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Authorization codes from the login form: single use, short-lived, bound to client, redirect URI and PKCE challenge. */
final class AuthorizationCodes {
    /** What a code stands for. {@code nonce} may be null. */
    record Code(String clientId, String redirectUri, String codeChallenge, String nonce, Set<String> scope,
                String username, Instant authTime, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();

    String issue(Code code) {
        String value = randomToken();
        codes.put(value, code);
        return value;
    }

    /** The code's grant, removed on the first try whatever its outcome: a code is never good twice. */
    Optional<Code> redeem(String value, Instant now) {
        Code code = codes.remove(value);
        if (code == null || !now.isBefore(code.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
