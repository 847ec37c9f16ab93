package io.github.kubesignin.cli;

import io.github.kubesignin.cluster.ApiServerOidc;
import io.github.kubesignin.cluster.ClusterTarget;
import io.github.kubesignin.cluster.LiveResult;
import io.github.kubesignin.cluster.RuleCheck;
import io.github.kubesignin.cluster.SelfSubjectReview;
import io.github.kubesignin.cluster.SignatureRule;
import io.github.kubesignin.cluster.Verdict;
import io.github.kubesignin.kubeconfig.KubeconfigDocument;
import io.github.kubesignin.kubeconfig.KubeconfigLocator;
import io.github.kubesignin.oidc.OidcException;
import io.github.kubesignin.oidc.SignatureCheck;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.session.CachedToken;
import io.github.kubesignin.session.SignInRequiredException;
import io.github.kubesignin.token.DecodedJwt;
import io.github.kubesignin.token.JwtDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check a token against the cluster's OIDC rules, rule by rule, and ask the cluster who it thinks you are."
                + " Exits 0 only when the token is accepted.")
final class DoctorCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Option(names = "--profile", required = true, paramLabel = "NAME")
    String profileName;

    @Option(names = "--token", paramLabel = "TOKEN|-", description = "Check this token (- reads stdin) instead of the profile's current one.")
    String token;

    @Option(names = "--context", paramLabel = "CTX", description = "Also ask the cluster of this kubeconfig context (default: the profile's context, if any).")
    String context;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "The kubeconfig with the context (default: the profile's, $KUBECONFIG, ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--offline", description = "Skip the signature check and the live check: no network.")
    boolean offline;

    DoctorCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        Profile profile = env.app().profileStore().get(profileName);
        ApiServerOidc settings = ApiServerOidc.of(profile);
        String raw = token();
        DecodedJwt jwt = JwtDecoder.decode(raw);
        Verdict verdict = Verdict.judge(jwt, settings, env.app().clock().instant());
        if (!offline) {
            SignatureCheck signature = signature(profile, raw);
            Optional<RuleCheck> rule = SignatureRule.from(signature);
            if (rule.isPresent()) {
                verdict = verdict.withFirst(rule.get());
            } else {
                env.out().println("Signature: " + signature.detail());
            }
        }
        printChecklist(settings, verdict);
        boolean ok = verdict.accepted();
        Optional<ClusterTarget> target = offline ? Optional.empty() : target(profile);
        if (target.isPresent()) {
            ok &= printLive(target.get(), raw, verdict);
        }
        return ok ? 0 : 1;
    }

    private String token() throws IOException {
        if (token != null) {
            return token.equals("-") ? StdinReader.all(env.stdin()).strip() : token;
        }
        try {
            return env.app().sessions().currentToken(profileName).idToken();
        } catch (SignInRequiredException | OidcException e) {
            // an expired session still deserves a verdict: use the last token, and say why it is not fresh
            Optional<CachedToken> cached = env.app().sessions().cached(profileName);
            if (cached.isEmpty()) {
                throw new UserError("no token for profile '" + profileName + "': " + e.getMessage()
                        + "; sign in (kubesignin login --profile " + profileName + ") or give --token");
            }
            env.err().println("note: could not renew the session (" + e.getMessage() + "); checking the last token");
            return cached.get().idToken();
        }
    }

    private SignatureCheck signature(Profile profile, String raw) {
        try {
            return env.app().oidc().checkSignature(profile, raw);
        } catch (OidcException e) {
            return SignatureCheck.notChecked("not checked: " + e.getMessage());
        }
    }

    private void printChecklist(ApiServerOidc s, Verdict verdict) {
        env.out().println("API server as profile '" + profileName + "' describes it: issuer " + s.issuerUrl() + ", audiences "
                + s.audiences() + ", username claim " + s.usernameClaim() + " (prefix '" + s.effectiveUsernamePrefix() + "')"
                + (s.hasGroupsClaim() ? ", groups claim " + s.groupsClaim() + " (prefix '" + s.effectiveGroupsPrefix() + "')" : "")
                + ", algorithms " + s.signingAlgs());
        for (RuleCheck check : verdict.checks()) {
            env.out().println((check.passed() ? "  [ok]   " : "  [FAIL] ") + check.rule() + " — " + check.detail());
            if (!check.passed()) {
                env.out().println("         API server: " + check.apiServerMessage());
                env.out().println("         fix: " + check.fix());
            }
        }
        env.out().println("Verdict: " + verdict.summary());
    }

    private Optional<ClusterTarget> target(Profile profile) throws IOException {
        String contextName = context != null ? context : profile.cluster().context();
        if (contextName == null && kubeconfig == null) {
            return Optional.empty(); // no cluster named: the offline verdict is all we can give
        }
        Path file = kubeconfig != null ? kubeconfig : Optional.ofNullable(profile.cluster().kubeconfig())
                .orElseGet(() -> KubeconfigLocator.resolve(Optional.empty(), env.app().environment(), env.app().directories().home()));
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError("no kubeconfig at " + file);
        }
        try {
            return Optional.of(ClusterTarget.fromKubeconfig(KubeconfigDocument.parse(text, file.toString()), file, contextName));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private boolean printLive(ClusterTarget target, String raw, Verdict verdict) {
        LiveResult result = new SelfSubjectReview(env.app().httpSettings()).check(target, raw, verdict);
        env.out().println("Live check (context " + target.context() + ", " + target.server() + "): " + result.summary());
        if (result instanceof LiveResult.Unauthorized unauthorized) {
            env.out().println("  likely causes:");
            unauthorized.likelyCauses().forEach(cause -> env.out().println("  - " + cause));
        }
        if (result instanceof LiveResult.Forbidden) {
            env.out().println("  ask a cluster admin for a binding: kubesignin cluster-config --profile " + profileName + " --format rbac");
        }
        return result instanceof LiveResult.Mapped || result instanceof LiveResult.Forbidden;
    }
}
