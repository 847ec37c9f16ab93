package io.github.kubesignin.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.profile.ApiServerSettings;
import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.token.JwtDecoder;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tokens minted by the embedded issuer, each breaking exactly one of the API server's rules. */
class VerdictTest {
    static EmbeddedIssuer issuer;
    static String iss;
    static final Instant NOW = Instant.now();

    @BeforeAll
    static void start() {
        issuer = EmbeddedIssuer.demo().start();
        iss = issuer.issuerUrl().toString();
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    /** username from email, groups from groups, and a required claim the demo token meets (azp=kubesignin). */
    static Profile profile(String usernameClaim, UnaryOperator<ApiServerSettings> change) {
        ApiServerSettings settings = change.apply(new ApiServerSettings(null, List.of(), null, null,
                Map.of("azp", DemoData.CLIENT_ID), List.of()));
        return new Profile("p", issuer.issuerUrl(), DemoData.CLIENT_ID, ClientAuthentication.PUBLIC, Profile.DEFAULT_SCOPES,
                Map.of(), usernameClaim, "groups", null, null, null, settings);
    }

    static Verdict verdict(Profile profile, Consumer<Map<String, Object>> claimsChange) {
        Map<String, Object> claims = issuer.idTokenClaims(DemoData.USER, DemoData.CLIENT_ID);
        claimsChange.accept(claims);
        return Verdict.judge(JwtDecoder.decode(issuer.signIdToken(claims)), ApiServerOidc.of(profile), NOW);
    }

    record Case(String name, UnaryOperator<ApiServerSettings> settings, Consumer<Map<String, Object>> claims,
                String failedRule, String apiServerMessage, String detail) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> oneRuleBroken() {
        UnaryOperator<ApiServerSettings> same = s -> s;
        return Stream.of(
                new Case("issuer not https", s -> withIssuer(s, "http://idp.example.com"),
                        c -> c.put("iss", "http://idp.example.com"), "the issuer URL uses https",
                        "'oidc-issuer-url' (\"http://idp.example.com\") has invalid scheme (\"http\"), require 'https'", "http://idp.example.com"),
                new Case("iss with a trailing slash", same, c -> c.put("iss", iss + "/"), "iss equals the API server's issuer URL exactly",
                        "oidc: verify token: oidc: id token issued by a different provider, expected \"" + iss + "\" got \"" + iss + "/\"",
                        "differ only by a trailing slash"),
                new Case("audience lacks the client id", same, c -> c.put("aud", List.of("account", "other")), "aud contains the client id",
                        "oidc: verify token: oidc: expected audience in [\"kubesignin\"] got [\"account\" \"other\"]", "[account, other]"),
                new Case("expired", same, c -> c.put("exp", 1_700_000_000L), "the token has not expired (exp)",
                        "oidc: verify token: oidc: token is expired (Token Expiry: 2023-11-14 22:13:20 +0000 UTC)", "expired at 2023-11-14T22:13:20Z"),
                new Case("not yet valid", same, c -> c.put("nbf", NOW.plusSeconds(600).getEpochSecond()), "the token is already valid (nbf)",
                        "before the nbf (not before) time: " + GoFormat.time(Instant.ofEpochSecond(NOW.plusSeconds(600).getEpochSecond())), "not valid before"),
                new Case("algorithm not allowed", s -> withAlgs(s, List.of("ES256")), c -> { }, "signed with an allowed algorithm [ES256]",
                        "oidc: verify token: oidc: id token signed with unsupported algorithm, expected [\"ES256\"] got \"RS256\"", "RS256"),
                new Case("username claim missing", same, c -> c.remove("email"), "the username claim 'email' is a string",
                        "oidc: parse username claims \"email\": claim not present", "no 'email' claim"),
                new Case("username claim not a string", same, c -> c.put("email", 42), "the username claim 'email' is a string",
                        "oidc: parse username claims \"email\": json: cannot unmarshal number into Go value of type string", "number"),
                new Case("email not verified", same, c -> c.put("email_verified", false), "email_verified is true when present (username from 'email')",
                        "oidc: email not verified", "email_verified = false"),
                new Case("email_verified not a boolean", same, c -> c.put("email_verified", "true"), "email_verified is true when present (username from 'email')",
                        "oidc: parse 'email_verified' claim: json: cannot unmarshal string into Go value of type bool", "not a boolean"),
                new Case("groups not strings", same, c -> c.put("groups", List.of(1, 2)), "the groups claim 'groups' is a string or a list of strings",
                        "oidc: parse groups claim \"groups\": json: cannot unmarshal array into Go value of type string", "non-string items"),
                new Case("groups an object", same, c -> c.put("groups", Map.of("a", "b")), "the groups claim 'groups' is a string or a list of strings",
                        "oidc: parse groups claim \"groups\": json: cannot unmarshal object into Go value of type string", "object"),
                new Case("required claim missing", same, c -> c.remove("azp"), "required claim azp=kubesignin",
                        "oidc: required claim azp not present in ID token", "no 'azp' claim"),
                new Case("required claim different", same, c -> c.put("azp", "other"), "required claim azp=kubesignin",
                        "oidc: required claim azp value does not match. Got = other, want = kubesignin", "'other', not 'kubesignin'"),
                new Case("required claim not a string", same, c -> c.put("azp", true), "required claim azp=kubesignin",
                        "oidc: parse claim azp: json: cannot unmarshal bool into Go value of type string", "bool")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneRuleBroken")
    void eachBrokenRuleFailsAloneWithTheApiServersMessage(Case c) {
        Verdict verdict = verdict(profile("email", c.settings()), c.claims());

        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.failures()).hasSize(1);
        RuleCheck failure = verdict.failures().get(0);
        assertThat(failure.rule()).isEqualTo(c.failedRule());
        assertThat(failure.apiServerMessage()).contains(c.apiServerMessage());
        assertThat(failure.detail()).contains(c.detail());
        assertThat(failure.fix()).isNotBlank();
        assertThat(verdict.summary()).startsWith("rejected: ").contains(c.apiServerMessage());
    }

    @Test
    void theDemoTokenIsAcceptedWithEveryRuleListed() {
        Verdict verdict = verdict(profile("email", s -> s), c -> { });

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.checks()).allMatch(RuleCheck::passed).hasSize(10);
        assertThat(verdict.summary()).isEqualTo("accepted as user `alice@example.com` in groups `[developers, kube-admins]`");
    }

    @Test
    void emailVerifiedIsOnlyCheckedWhenTheUsernameComesFromEmail() {
        Verdict verdict = verdict(profile("preferred_username", s -> withUsernamePrefix(s, "-")), c -> c.put("email_verified", false));
        assertThat(verdict.summary()).isEqualTo("accepted as user `alice` in groups `[developers, kube-admins]`");
    }

    @Test
    void absentEmailVerifiedIsFine() {
        assertThat(verdict(profile("email", s -> s), c -> c.remove("email_verified")).accepted()).isTrue();
    }

    @Test
    void nbfWithinAMinuteIsTolerated() {
        assertThat(verdict(profile("email", s -> s), c -> c.put("nbf", NOW.plusSeconds(30).getEpochSecond())).accepted()).isTrue();
    }

    @Test
    void anotherAudienceTheApiServerAcceptsIsEnough() {
        Profile profile = profile("email", s -> new ApiServerSettings(null, List.of("kube", "account"), null, null, Map.of(), List.of()));
        assertThat(verdict(profile, c -> c.put("aud", "account")).accepted()).isTrue();
    }

    static Stream<Arguments> prefixes() {
        return Stream.of(
                Arguments.of("email", null, null, "alice@example.com", List.of("developers", "kube-admins")),
                Arguments.of("email", "oidc:", null, "oidc:alice@example.com", List.of("developers", "kube-admins")),
                Arguments.of("email", "-", null, "alice@example.com", List.of("developers", "kube-admins")),
                Arguments.of("preferred_username", null, null, "ISSUER#alice", List.of("developers", "kube-admins")),
                Arguments.of("preferred_username", "", null, "ISSUER#alice", List.of("developers", "kube-admins")),
                Arguments.of("preferred_username", "-", null, "alice", List.of("developers", "kube-admins")),
                Arguments.of("sub", "corp:", "corp:", "corp:" + DemoData.ALICE.subject(), List.of("corp:developers", "corp:kube-admins")));
    }

    @ParameterizedTest(name = "claim {0}, username prefix {1}, groups prefix {2}")
    @MethodSource("prefixes")
    void appliesTheApiServersPrefixRules(String claim, String usernamePrefix, String groupsPrefix, String user, List<String> groups) {
        Profile profile = profile(claim, s -> new ApiServerSettings(null, List.of(), usernamePrefix, groupsPrefix, Map.of(), List.of()));
        MappedUser mapped = verdict(profile, c -> { }).user().orElseThrow();
        assertThat(mapped.username()).isEqualTo(user.replace("ISSUER", iss));
        assertThat(mapped.groups()).isEqualTo(groups);
    }

    @Test
    void aSingleStringGroupIsOneGroup() {
        MappedUser mapped = verdict(profile("email", s -> s), c -> c.put("groups", "admins")).user().orElseThrow();
        assertThat(mapped.groups()).containsExactly("admins");
    }

    @Test
    void anApiServerIssuerUrlDifferentFromTheProfilesIsTheOneCompared() {
        Profile profile = profile("email", s -> withIssuer(s, iss + "/"));
        Verdict verdict = verdict(profile, c -> { });
        assertThat(verdict.failures()).extracting(RuleCheck::rule).containsExactly("iss equals the API server's issuer URL exactly");
        assertThat(verdict.failures().get(0).fix()).contains("\"" + iss + "\"");
    }

    private static ApiServerSettings withIssuer(ApiServerSettings s, String url) {
        return new ApiServerSettings(URI.create(url), s.audiences(), s.usernamePrefix(), s.groupsPrefix(), s.requiredClaims(), s.signingAlgs());
    }

    private static ApiServerSettings withAlgs(ApiServerSettings s, List<String> algs) {
        return new ApiServerSettings(s.issuerUrl(), s.audiences(), s.usernamePrefix(), s.groupsPrefix(), s.requiredClaims(), algs);
    }

    private static ApiServerSettings withUsernamePrefix(ApiServerSettings s, String prefix) {
        return new ApiServerSettings(s.issuerUrl(), s.audiences(), prefix, s.groupsPrefix(), s.requiredClaims(), s.signingAlgs());
    }
}
