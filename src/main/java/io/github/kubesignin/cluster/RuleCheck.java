package io.github.kubesignin.cluster;

/**
 * One of the API server's rules applied to a token.
 *
 * @param rule             what the rule demands, e.g. "aud contains the client id"
 * @param passed           whether the token meets it
 * @param detail           what the token has, in plain words (both values where two are compared)
 * @param apiServerMessage the error the API server logs when the rule fails, else empty
 * @param fix              what to change when it fails, else empty
 */
public record RuleCheck(String rule, boolean passed, String detail, String apiServerMessage, String fix) {

    static RuleCheck pass(String rule, String detail) {
        return new RuleCheck(rule, true, detail, "", "");
    }

    static RuleCheck fail(String rule, String detail, String apiServerMessage, String fix) {
        return new RuleCheck(rule, false, detail, apiServerMessage, fix);
    }
}
