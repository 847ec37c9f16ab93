package io.github.kubesignin.cli;

import io.github.kubesignin.cluster.ApiServerFlags;
import io.github.kubesignin.cluster.ApiServerOidc;
import io.github.kubesignin.cluster.AuthenticationConfig;
import io.github.kubesignin.cluster.KindConfig;
import io.github.kubesignin.cluster.MappedUser;
import io.github.kubesignin.cluster.MinikubeCommand;
import io.github.kubesignin.cluster.RbacBinding;
import io.github.kubesignin.cluster.Snippet;
import io.github.kubesignin.cluster.Verdict;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.session.CachedToken;
import io.github.kubesignin.token.JwtDecoder;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cluster-config", mixinStandardHelpOptions = true,
        description = "Print what the cluster admin needs for this profile: API server flags, a minikube or kind setup,"
                + " an AuthenticationConfiguration, or RBAC for the signed-in user or a group.")
final class ClusterConfigCommand implements Callable<Integer> {
    enum Format { flags, minikube, kind, authn_v1, authn_v1beta1, rbac }

    private final CliEnvironment env;

    @Option(names = "--profile", required = true, paramLabel = "NAME")
    String profileName;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "flags, minikube, kind, authn-v1 (Kubernetes 1.34+), authn-v1beta1 (1.30–1.33) or rbac.")
    String format;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "view",
            description = "rbac: cluster-admin, admin, edit, view (default) or the name of a custom ClusterRole to create.")
    String role;

    @Option(names = "--group", paramLabel = "G", description = "rbac: bind this group (as the cluster sees it, prefix included).")
    String group;

    @Option(names = "--user", paramLabel = "U", description = "rbac: bind this username instead of the signed-in one.")
    String user;

    @Option(names = "--namespace", paramLabel = "NS", description = "rbac: a RoleBinding in this namespace instead of a ClusterRoleBinding.")
    String namespace;

    @Option(names = "--token", paramLabel = "TOKEN|-", description = "rbac: take the user from this token (- reads stdin) instead of the cached sign-in.")
    String token;

    ClusterConfigCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        Profile profile = env.app().profileStore().get(profileName);
        ApiServerOidc settings = ApiServerOidc.of(profile);
        Snippet snippet = switch (parseFormat()) {
            case flags -> ApiServerFlags.snippet(settings);
            case minikube -> MinikubeCommand.snippet(settings);
            case kind -> KindConfig.snippet(settings);
            case authn_v1 -> AuthenticationConfig.snippet(settings, AuthenticationConfig.Version.V1);
            case authn_v1beta1 -> AuthenticationConfig.snippet(settings, AuthenticationConfig.Version.V1BETA1);
            case rbac -> RbacBinding.snippet(rbacRequest(profile, settings));
        };
        // the text alone on stdout, so it can be redirected to a file; the guidance goes to stderr
        env.err().println("# " + snippet.title() + ": " + snippet.whereItGoes());
        snippet.notes().forEach(note -> env.err().println("# note: " + note));
        env.out().print(snippet.text());
        return 0;
    }

    private Format parseFormat() {
        try {
            return Format.valueOf(format.replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UserError("--format must be flags, minikube, kind, authn-v1, authn-v1beta1 or rbac, not '" + format + "'");
        }
    }

    private RbacBinding.Request rbacRequest(Profile profile, ApiServerOidc settings) throws IOException {
        if (group != null && user != null) {
            throw new UserError("give --group or --user, not both");
        }
        if (group != null) {
            return new RbacBinding.Request(RbacBinding.SubjectKind.Group, group, role, namespace);
        }
        String subject = user != null ? user : signedInUser(profile, settings);
        return new RbacBinding.Request(RbacBinding.SubjectKind.User, subject, role, namespace);
    }

    /** The username the API server maps the profile's token to, prefix included: what RBAC must name. */
    private String signedInUser(Profile profile, ApiServerOidc settings) throws IOException {
        String raw = token != null ? (token.equals("-") ? StdinReader.firstLine(env.stdin(), "token") : token)
                : cachedToken(profile);
        Optional<MappedUser> identity = Verdict.identity(JwtDecoder.decode(raw), settings);
        return identity.map(MappedUser::username).orElseThrow(() -> new UserError(
                "the token has no string '" + settings.usernameClaim() + "' claim, so the API server maps it to no user; give --user or --group"));
    }

    private String cachedToken(Profile profile) {
        return env.app().sessions().cached(profile.name()).map(CachedToken::idToken).orElseThrow(() -> new UserError(
                        "no token for profile '" + profile.name() + "': sign in (kubesignin login --profile " + profile.name()
                                + "), or give --token, --user or --group"));
    }
}
