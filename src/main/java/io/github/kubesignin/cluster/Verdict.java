package io.github.kubesignin.cluster;

import io.github.kubesignin.token.DecodedJwt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether an API server set up like {@link ApiServerOidc} accepts a token, rule by rule, and as whom.
 *
 * @param checks every rule, in the order the API server applies them
 * @param user   the mapped identity (prefixes applied) when every rule passed
 */
public record Verdict(List<RuleCheck> checks, Optional<MappedUser> user) {
    public Verdict {
        checks = List.copyOf(checks);
    }

    /** Applies the API server's rules offline; the signature is not checked here (see {@link #withFirst}). */
    public static Verdict judge(DecodedJwt jwt, ApiServerOidc settings, Instant now) {
        return TokenRules.judge(jwt, settings, now);
    }

    /**
     * The identity the API server would map the token to once it is valid again (e.g. the RBAC subject from an
     * expired token); empty when the username claim is not a string.
     */
    public static Optional<MappedUser> identity(DecodedJwt jwt, ApiServerOidc settings) {
        return jwt.stringClaim(settings.usernameClaim()).map(u -> TokenRules.mappedUser(jwt, settings));
    }

    public boolean accepted() {
        return user.isPresent();
    }

    public List<RuleCheck> failures() {
        return checks.stream().filter(check -> !check.passed()).toList();
    }

    /** "accepted as user `X` in groups `[…]`", or the first reason the API server would log. */
    public String summary() {
        return user.map(u -> "accepted as " + u)
                .orElseGet(() -> "rejected: " + failures().get(0).apiServerMessage());
    }

    /** The same verdict with one more rule in front (e.g. the signature, checked online); a failure revokes the user. */
    public Verdict withFirst(RuleCheck check) {
        List<RuleCheck> all = new ArrayList<>();
        all.add(check);
        all.addAll(checks);
        return new Verdict(all, check.passed() ? user : Optional.empty());
    }
}
