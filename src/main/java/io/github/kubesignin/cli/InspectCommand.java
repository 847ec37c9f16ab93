package io.github.kubesignin.cli;

import io.github.kubesignin.cluster.ApiServerOidc;
import io.github.kubesignin.cluster.Verdict;
import io.github.kubesignin.json.Json;
import io.github.kubesignin.oidc.OidcException;
import io.github.kubesignin.oidc.SignatureCheck;
import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.token.ClaimExplainer;
import io.github.kubesignin.token.ClaimRow;
import io.github.kubesignin.token.DecodedJwt;
import io.github.kubesignin.token.JwtDecoder;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Decode a JWT: header, claims with human times, and the signature verdict when the issuer is known or discoverable.")
final class InspectCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TOKEN|-", description = "The token, or - (the default) to read it from standard input.")
    String token = "-";

    @Option(names = "--profile", paramLabel = "NAME", description = "Check the token against this profile's issuer and claim settings.")
    String profileName;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--no-verify", description = "Do not contact the issuer to check the signature.")
    boolean noVerify;

    InspectCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        DecodedJwt jwt = JwtDecoder.decode(token.equals("-") ? StdinReader.all(env.stdin()) : token);
        Instant now = env.app().clock().instant();
        Optional<Profile> profile = profile(jwt);
        SignatureCheck signature = noVerify ? SignatureCheck.notChecked("not checked (--no-verify)") : checkSignature(jwt, profile);
        Optional<Verdict> verdict = profile.map(p -> Verdict.judge(jwt, ApiServerOidc.of(p), now));
        if (json) {
            printJson(jwt, signature, profile, verdict, now);
        } else {
            printText(jwt, signature, profile, verdict, now);
        }
        return signature.verdict() == SignatureCheck.Verdict.INVALID ? 1 : 0;
    }

    /** The named profile, else the one whose issuer the token names. */
    private Optional<Profile> profile(DecodedJwt jwt) {
        if (profileName != null) {
            return Optional.of(env.app().profileStore().get(profileName));
        }
        return jwt.stringClaim("iss").flatMap(iss -> env.app().profileStore().list().stream()
                .filter(p -> p.issuer().toString().equals(iss)).findFirst());
    }

    private SignatureCheck checkSignature(DecodedJwt jwt, Optional<Profile> known) {
        Optional<Profile> issuer = known.or(() -> discoverable(jwt));
        if (issuer.isEmpty()) {
            return SignatureCheck.notChecked("not checked: the token names no https issuer and no profile was given");
        }
        try {
            return env.app().oidc().checkSignature(issuer.get(), jwt.raw());
        } catch (OidcException e) {
            return SignatureCheck.notChecked("not checked: " + e.getMessage());
        }
    }

    /** A throw-away profile for the token's own https issuer, trusted through the system's CAs only. */
    private static Optional<Profile> discoverable(DecodedJwt jwt) {
        return jwt.stringClaim("iss").filter(iss -> iss.startsWith("https://")).map(iss -> new Profile("token-issuer",
                URI.create(iss), jwt.audiences().stream().findFirst().orElse(""), ClientAuthentication.PUBLIC,
                Profile.DEFAULT_SCOPES, Map.of(), null, null, null, null));
    }

    private void printText(DecodedJwt jwt, SignatureCheck signature, Optional<Profile> profile, Optional<Verdict> verdict, Instant now) {
        env.out().println("Header");
        jwt.header().forEach((k, v) -> env.out().printf("  %-18s %s%n", k, v instanceof String s ? s : Json.write(v)));
        env.out().println("Claims");
        Table table = new Table("  NAME", "VALUE", "MEANING");
        for (ClaimRow row : ClaimExplainer.rows(jwt, now, env.app().zone())) {
            table.row("  " + row.name(), row.value(), row.meaning());
        }
        table.print(env.out());
        env.out().println("Signature: " + signature.verdict().name().toLowerCase().replace('_', ' ') + " — " + signature.detail());
        profile.ifPresent(p -> {
            Verdict v = verdict.orElseThrow();
            env.out().println("Cluster:   an API server set up like profile '" + p.name() + "' would have it " + v.summary()
                    + (v.accepted() ? "" : " (details: kubesignin doctor --profile " + p.name() + " --token -)"));
            v.failures().forEach(failure -> env.out().println("  - " + failure.apiServerMessage() + ": " + failure.fix()));
        });
    }

    private void printJson(DecodedJwt jwt, SignatureCheck signature, Optional<Profile> profile, Optional<Verdict> verdict, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("header", jwt.header());
        out.put("claims", jwt.claims());
        out.put("claimMeanings", ClaimExplainer.rows(jwt, now, env.app().zone()).stream()
                .collect(LinkedHashMap::new, (m, row) -> m.put(row.name(), row.meaning()), Map::putAll));
        out.put("signature", Map.of("verdict", signature.verdict().name().toLowerCase(), "detail", signature.detail()));
        profile.ifPresent(p -> out.put("cluster", Map.of("profile", p.name(), "accepted", verdict.orElseThrow().accepted(),
                "summary", verdict.orElseThrow().summary(),
                "problems", verdict.orElseThrow().failures().stream().map(f -> f.apiServerMessage() + ": " + f.fix()).toList())));
        env.out().println(Json.writePretty(out));
    }
}
