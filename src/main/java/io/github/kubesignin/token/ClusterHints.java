package io.github.kubesignin.token;

import io.github.kubesignin.profile.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The first, offline look at whether a Kubernetes API server configured like the profile would accept a token: the
 * things people trip over most. (The full verdict, with prefixes and required claims, is the cluster doctor's.)
 */
public final class ClusterHints {
    private ClusterHints() {
    }

    public static List<String> problems(DecodedJwt jwt, Profile profile, Instant now) {
        List<String> problems = new ArrayList<>();
        jwt.stringClaim("iss").filter(iss -> !iss.equals(profile.issuer().toString())).ifPresent(iss ->
                problems.add("iss '" + iss + "' differs from the profile's issuer '" + profile.issuer() + "'"));
        if (!jwt.audiences().contains(profile.clientId())) {
            problems.add("aud " + jwt.audiences() + " does not contain the client id '" + profile.clientId() + "'");
        }
        jwt.expiry().filter(exp -> !exp.isAfter(now)).ifPresent(exp -> problems.add("the token has expired"));
        Object username = jwt.claims().get(profile.usernameClaim());
        if (username == null) {
            problems.add("the username claim '" + profile.usernameClaim() + "' is missing, so the API server rejects the token");
        } else if (!(username instanceof String)) {
            problems.add("the username claim '" + profile.usernameClaim() + "' is not a string");
        }
        if (profile.usernameClaim().equals("email") && jwt.claims().containsKey("email_verified")
                && !Boolean.TRUE.equals(jwt.claims().get("email_verified"))) {
            problems.add("email_verified is not true while the username comes from 'email': the API server answers"
                    + " \"oidc: email not verified\"; verify the address at the issuer");
        }
        Object groups = profile.groupsClaim().isEmpty() ? null : jwt.claims().get(profile.groupsClaim());
        if (groups != null && !(groups instanceof String) && !(groups instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
            problems.add("the groups claim '" + profile.groupsClaim() + "' is neither a string nor a list of strings");
        }
        return problems;
    }

    /** The username the API server would see before any prefix, if the claim is there. */
    public static String username(DecodedJwt jwt, Profile profile) {
        return jwt.stringClaim(profile.usernameClaim()).orElse("(no '" + profile.usernameClaim() + "' claim)");
    }

    public static List<String> groups(DecodedJwt jwt, Profile profile) {
        Object groups = profile.groupsClaim().isEmpty() ? null : jwt.claims().get(profile.groupsClaim());
        if (groups instanceof String s) {
            return List.of(s);
        }
        if (groups instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
