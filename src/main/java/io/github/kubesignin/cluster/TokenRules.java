package io.github.kubesignin.cluster;

import io.github.kubesignin.token.DecodedJwt;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes API server's OIDC rules (k8s.io/apiserver oidc authenticator on go-oidc), one {@link RuleCheck}
 * each, with its error text. Every rule is applied even after one failed, so a checklist shows all problems at once.
 */
final class TokenRules {
    /** go-oidc lets a token through up to a minute before its nbf; exp has no leeway. */
    static final Duration NBF_LEEWAY = Duration.ofMinutes(1);
    private static final String VERIFY = "oidc: verify token: ";

    private TokenRules() {
    }

    static Verdict judge(DecodedJwt jwt, ApiServerOidc s, Instant now) {
        List<RuleCheck> checks = new ArrayList<>();
        checks.add(issuerIsHttps(s));
        checks.add(issuerMatches(jwt, s));
        checks.add(audience(jwt, s));
        checks.add(notExpired(jwt, now));
        checks.add(notBefore(jwt, now));
        checks.add(algorithm(jwt, s));
        checks.add(usernameClaim(jwt, s));
        if (s.usernameClaim().equals("email")) {
            checks.add(emailVerified(jwt));
        }
        if (s.hasGroupsClaim()) {
            checks.add(groupsClaim(jwt, s));
        }
        s.requiredClaims().forEach((claim, value) -> checks.add(requiredClaim(jwt, claim, value)));
        boolean accepted = checks.stream().allMatch(RuleCheck::passed);
        return new Verdict(checks, accepted ? Optional.of(mappedUser(jwt, s)) : Optional.empty());
    }

    private static RuleCheck issuerIsHttps(ApiServerOidc s) {
        String rule = "the issuer URL uses https";
        if (s.issuerUrl().startsWith("https://")) {
            return RuleCheck.pass(rule, s.issuerUrl());
        }
        String scheme = s.issuerUrl().contains(":") ? s.issuerUrl().substring(0, s.issuerUrl().indexOf(':')) : "";
        return RuleCheck.fail(rule, "the API server's issuer URL is " + s.issuerUrl()
                        + "; the API server refuses to start with a non-https issuer, so no OIDC token works",
                "'oidc-issuer-url' (" + GoFormat.quoted(s.issuerUrl()) + ") has invalid scheme (" + GoFormat.quoted(scheme)
                        + "), require 'https'",
                "serve the issuer over https (with a CA the API server trusts via --oidc-ca-file) and use that URL");
    }

    private static RuleCheck issuerMatches(DecodedJwt jwt, ApiServerOidc s) {
        String rule = "iss equals the API server's issuer URL exactly";
        Optional<String> iss = jwt.stringClaim("iss");
        if (iss.isPresent() && iss.get().equals(s.issuerUrl())) {
            return RuleCheck.pass(rule, iss.get());
        }
        String got = iss.orElse("");
        boolean slashOnly = !got.isEmpty() && (got + "/").equals(s.issuerUrl()) || (s.issuerUrl() + "/").equals(got);
        return RuleCheck.fail(rule, "token iss " + GoFormat.quoted(got) + ", API server issuer URL " + GoFormat.quoted(s.issuerUrl())
                        + (slashOnly ? " — they differ only by a trailing slash, which counts" : "")
                        + "; the API server does not treat the token as this issuer's at all (plain 401, \"invalid bearer token\")",
                VERIFY + "oidc: id token issued by a different provider, expected " + GoFormat.quoted(s.issuerUrl())
                        + " got " + GoFormat.quoted(got),
                "set the API server's issuer URL to exactly " + GoFormat.quoted(got)
                        + " (or make the issuer put " + GoFormat.quoted(s.issuerUrl()) + " in iss)");
    }

    private static RuleCheck audience(DecodedJwt jwt, ApiServerOidc s) {
        String rule = "aud contains the client id";
        List<String> aud = jwt.audiences();
        if (aud.stream().anyMatch(s.audiences()::contains)) {
            return RuleCheck.pass(rule, "aud " + aud);
        }
        return RuleCheck.fail(rule, "aud " + aud + " has none of " + s.audiences(),
                VERIFY + "oidc: expected audience in " + GoFormat.quoted(s.audiences()) + " got " + GoFormat.quoted(aud),
                "sign in with client " + GoFormat.quoted(s.audiences().get(0))
                        + ", or add an audience mapper at the issuer, or set the API server's client id to one of " + aud);
    }

    private static RuleCheck notExpired(DecodedJwt jwt, Instant now) {
        String rule = "the token has not expired (exp)";
        Instant exp = jwt.expiry().orElse(Instant.parse("0001-01-01T00:00:00Z"));
        if (!exp.isBefore(now)) {
            return RuleCheck.pass(rule, "expires " + exp);
        }
        return RuleCheck.fail(rule, jwt.expiry().isPresent() ? "expired at " + exp + ", " + Duration.between(exp, now).toSeconds()
                        + " s ago" : "the token has no exp claim, which the API server treats as long expired",
                VERIFY + "oidc: token is expired (Token Expiry: " + GoFormat.time(exp) + ")",
                "sign in again (kubesignin login), or let get-token refresh it; check the clocks if it expired at once");
    }

    private static RuleCheck notBefore(DecodedJwt jwt, Instant now) {
        String rule = "the token is already valid (nbf)";
        Optional<Instant> nbf = jwt.instantClaim("nbf");
        if (nbf.isEmpty() || !now.plus(NBF_LEEWAY).isBefore(nbf.get())) {
            return RuleCheck.pass(rule, nbf.map(t -> "valid since " + t).orElse("no nbf claim"));
        }
        return RuleCheck.fail(rule, "not valid before " + nbf.get() + ", more than a minute from now",
                VERIFY + "oidc: current time " + GoFormat.time(now) + " before the nbf (not before) time: " + GoFormat.time(nbf.get()),
                "the issuer's clock runs ahead: sync the clocks (NTP) of the issuer and the API server");
    }

    private static RuleCheck algorithm(DecodedJwt jwt, ApiServerOidc s) {
        String rule = "signed with an allowed algorithm " + s.signingAlgs();
        String alg = jwt.algorithm();
        if (s.signingAlgs().contains(alg)) {
            return RuleCheck.pass(rule, alg);
        }
        return RuleCheck.fail(rule, "the token is signed with " + alg,
                VERIFY + "oidc: id token signed with unsupported algorithm, expected " + GoFormat.quoted(s.signingAlgs())
                        + " got " + GoFormat.quoted(alg),
                alg.startsWith("HS") || alg.equals("none")
                        ? "configure the issuer to sign id_tokens with an asymmetric key (RS256)"
                        : "add " + alg + " to the API server's --oidc-signing-algs, or have the issuer sign with " + s.signingAlgs().get(0));
    }

    private static RuleCheck usernameClaim(DecodedJwt jwt, ApiServerOidc s) {
        String claim = s.usernameClaim();
        String rule = "the username claim '" + claim + "' is a string";
        String prefix = "oidc: parse username claims " + GoFormat.quoted(claim) + ": ";
        if (!jwt.claims().containsKey(claim)) {
            return RuleCheck.fail(rule, "the token has no '" + claim + "' claim",
                    prefix + "claim not present",
                    "add the '" + claim + "' claim at the issuer (e.g. the 'email' scope or a claim mapper), or use a claim the token has, such as 'sub'");
        }
        Object value = jwt.claims().get(claim);
        if (value instanceof String username) {
            return RuleCheck.pass(rule, claim + " = " + username);
        }
        return RuleCheck.fail(rule, "'" + claim + "' is " + GoFormat.jsonType(value) + ", not a string",
                value == null ? "(no error: the username would be empty)" : prefix + GoFormat.cannotUnmarshal(value, "string"),
                "map '" + claim + "' to a single string at the issuer, or choose another username claim");
    }

    private static RuleCheck emailVerified(DecodedJwt jwt) {
        String rule = "email_verified is true when present (username from 'email')";
        if (!jwt.claims().containsKey("email_verified")) {
            return RuleCheck.pass(rule, "no email_verified claim");
        }
        Object value = jwt.claims().get("email_verified");
        if (Boolean.TRUE.equals(value)) {
            return RuleCheck.pass(rule, "email_verified = true");
        }
        if (value instanceof Boolean || value == null) {
            return RuleCheck.fail(rule, "email_verified = " + value + ": the issuer has not confirmed the address",
                    "oidc: email not verified",
                    "verify the email address at the identity provider (or have an admin mark it verified), then sign in again");
        }
        return RuleCheck.fail(rule, "email_verified is " + GoFormat.jsonType(value) + " " + GoFormat.quoted(value) + ", not a boolean",
                "oidc: parse 'email_verified' claim: " + GoFormat.cannotUnmarshal(value, "bool"),
                "make the issuer send email_verified as a JSON boolean");
    }

    private static RuleCheck groupsClaim(DecodedJwt jwt, ApiServerOidc s) {
        String claim = s.groupsClaim();
        String rule = "the groups claim '" + claim + "' is a string or a list of strings";
        Object value = jwt.claims().get(claim);
        if (!jwt.claims().containsKey(claim)) {
            return RuleCheck.pass(rule, "no '" + claim + "' claim: no groups");
        }
        if (value == null || value instanceof String || value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return RuleCheck.pass(rule, claim + " = " + value);
        }
        // the API server tries a list of strings, then a single string; the error is the second attempt's
        return RuleCheck.fail(rule, "'" + claim + "' is " + GoFormat.jsonType(value)
                        + (value instanceof List<?> ? " with non-string items" : ""),
                "oidc: parse groups claim " + GoFormat.quoted(claim) + ": " + GoFormat.cannotUnmarshal(value, "string"),
                "map the groups at the issuer as a list of names (e.g. a group-membership mapper without full paths off)");
    }

    private static RuleCheck requiredClaim(DecodedJwt jwt, String claim, String wanted) {
        String rule = "required claim " + claim + "=" + wanted;
        if (!jwt.claims().containsKey(claim)) {
            return RuleCheck.fail(rule, "the token has no '" + claim + "' claim",
                    "oidc: required claim " + claim + " not present in ID token",
                    "add the claim '" + claim + "' with value '" + wanted + "' at the issuer, or drop the required claim");
        }
        Object value = jwt.claims().get(claim);
        if (value != null && !(value instanceof String)) {
            return RuleCheck.fail(rule, "'" + claim + "' is " + GoFormat.jsonType(value) + "; required claims must be strings",
                    "oidc: parse claim " + claim + ": " + GoFormat.cannotUnmarshal(value, "string"),
                    "make the issuer send '" + claim + "' as a string");
        }
        String got = value == null ? "" : (String) value;
        if (got.equals(wanted)) {
            return RuleCheck.pass(rule, claim + " = " + got);
        }
        return RuleCheck.fail(rule, claim + " is '" + got + "', not '" + wanted + "'",
                "oidc: required claim " + claim + " value does not match. Got = " + got + ", want = " + wanted,
                "give the user '" + claim + "' = '" + wanted + "' at the issuer, or correct the required claim");
    }

    /** Username and groups with the prefixes the API server applies. Call only when every rule passed. */
    static MappedUser mappedUser(DecodedJwt jwt, ApiServerOidc s) {
        String username = s.effectiveUsernamePrefix() + jwt.stringClaim(s.usernameClaim()).orElseThrow();
        List<String> groups = new ArrayList<>();
        Object value = s.hasGroupsClaim() ? jwt.claims().get(s.groupsClaim()) : null;
        List<?> raw = value instanceof List<?> list ? list : value instanceof String one ? List.of(one) : List.of();
        for (Object group : raw) {
            groups.add(s.effectiveGroupsPrefix() + group);
        }
        return new MappedUser(username, groups);
    }
}
