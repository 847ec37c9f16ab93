package io.github.kubesignin.issuer;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Device codes of RFC 8628 and their state: pending until approved or denied on the verification page. */
final class DeviceCodes {
    /** Letters without vowels and look-alikes, as RFC 8628 §6.1 suggests. */
    private static final String USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    enum Status { PENDING, APPROVED, DENIED }

    /** One device sign-in; mutable state is guarded by the instance. */
    static final class Entry {
        final String deviceCode;
        final String userCode;
        final String clientId;
        final Set<String> scope;
        final Instant expiresAt;
        final Duration interval;
        private Status status = Status.PENDING;
        private String username;
        private Instant authTime;
        private Instant lastPoll;

        Entry(String deviceCode, String userCode, String clientId, Set<String> scope, Instant expiresAt, Duration interval) {
            this.deviceCode = deviceCode;
            this.userCode = userCode;
            this.clientId = clientId;
            this.scope = scope;
            this.expiresAt = expiresAt;
            this.interval = interval;
        }

        synchronized Status status() {
            return status;
        }

        synchronized String username() {
            return username;
        }

        synchronized Instant authTime() {
            return authTime;
        }

        synchronized void decide(boolean approve, String byUser, Instant now) {
            if (status == Status.PENDING) {
                status = approve ? Status.APPROVED : Status.DENIED;
                username = byUser;
                authTime = now;
            }
        }

        /** Records a poll; true when it came sooner than the interval after the previous one. */
        synchronized boolean pollTooSoon(Instant now) {
            boolean tooSoon = lastPoll != null && now.isBefore(lastPoll.plus(interval));
            lastPoll = now;
            return tooSoon;
        }
    }

    private final Map<String, Entry> byDeviceCode = new ConcurrentHashMap<>();
    private final Map<String, Entry> byUserCode = new ConcurrentHashMap<>();
    private final AtomicBoolean slowDownNext = new AtomicBoolean();

    Entry issue(String clientId, Set<String> scope, Instant now, Duration lifetime, Duration interval) {
        String userCode;
        do {
            userCode = newUserCode();
        } while (byUserCode.containsKey(userCode));
        Entry entry = new Entry(AuthorizationCodes.randomToken(), userCode, clientId, scope, now.plus(lifetime), interval);
        byDeviceCode.put(entry.deviceCode, entry);
        byUserCode.put(userCode, entry);
        return entry;
    }

    Optional<Entry> byDeviceCode(String deviceCode) {
        return Optional.ofNullable(byDeviceCode.get(deviceCode));
    }

    /** Accepts the code as people type it: any case, with or without the dash or spaces. */
    Optional<Entry> byUserCode(String typed, Instant now) {
        Entry entry = byUserCode.get(normalize(typed));
        return entry == null || !now.isBefore(entry.expiresAt) ? Optional.empty() : Optional.of(entry);
    }

    void forget(Entry entry) {
        byDeviceCode.remove(entry.deviceCode);
        byUserCode.remove(entry.userCode);
    }

    List<String> pendingUserCodes() {
        List<String> codes = new ArrayList<>();
        for (Entry entry : byUserCode.values()) {
            if (entry.status() == Status.PENDING) {
                codes.add(entry.userCode);
            }
        }
        return codes;
    }

    void slowDownNextPoll() {
        slowDownNext.set(true);
    }

    boolean takeSlowDown() {
        return slowDownNext.getAndSet(false);
    }

    static String normalize(String typed) {
        StringBuilder letters = new StringBuilder();
        for (char c : typed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                letters.append(c);
            }
        }
        return letters.length() == 8 ? letters.substring(0, 4) + "-" + letters.substring(4) : letters.toString();
    }

    private static String newUserCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(USER_CODE_ALPHABET.charAt(RANDOM.nextInt(USER_CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
