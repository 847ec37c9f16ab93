package io.github.kubesignin.kubeconfig;

import io.github.kubesignin.profile.ClusterSettings;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.ProfileStore;
import io.github.kubesignin.profile.SecretKeys;
import io.github.kubesignin.secret.SecretStore;
import io.github.kubesignin.session.CachedToken;
import io.github.kubesignin.session.SessionService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes a profile's user (and, when the cluster is known, its cluster and context) into a kubeconfig, keeping
 * everything else in the file. Settings not given are taken from what the profile remembers from the last write.
 */
public final class KubeconfigSetup {
    private final ProfileStore profiles;
    private final SessionService sessions;
    private final Supplier<SecretStore> secrets;
    private final KubeconfigEditor editor;
    private final List<String> selfCommand;
    private final Map<String, String> environment;
    private final Path home;

    /**
     * @param selfCommand how kubectl starts kubesignin: an absolute program path and its leading arguments
     */
    public KubeconfigSetup(ProfileStore profiles, SessionService sessions, Supplier<SecretStore> secrets,
                           KubeconfigEditor editor, List<String> selfCommand, Map<String, String> environment, Path home) {
        this.profiles = profiles;
        this.sessions = sessions;
        this.secrets = secrets;
        this.editor = editor;
        this.selfCommand = List.copyOf(selfCommand);
        this.environment = environment;
        this.home = home;
    }

    /** What to write; empty options fall back to the profile's remembered settings, then to defaults. */
    public record Request(String profile, Optional<Path> kubeconfig, Optional<KubeconfigMode> mode, Optional<String> user,
                          Optional<String> context, Optional<String> server, Optional<Path> certificateAuthority,
                          Optional<String> certificateAuthorityData, boolean setCurrentContext, boolean dryRun) {
    }

    /**
     * @param shownDiff the change as a unified diff, with every secret replaced by a placeholder so it can be shown
     * @param context   the context written, if any
     * @param expiry    for the token mode, when the written token stops working
     */
    public record Outcome(Path file, KubeconfigMode mode, String user, Optional<String> context, String shownDiff,
                          Optional<Path> backup, boolean written, Optional<CachedToken> staticToken) {
    }

    public Outcome write(Request request) throws IOException {
        Profile profile = profiles.get(request.profile());
        ClusterSettings remembered = profile.cluster();
        KubeconfigMode mode = request.mode().orElse(remembered.mode() == null ? KubeconfigMode.EXEC : KubeconfigMode.fromWord(remembered.mode()));
        String user = request.user().orElse(remembered.user() == null ? profile.name() : remembered.user());
        Optional<String> server = request.server().or(remembered::serverIfAny);
        Optional<Path> ca = request.server().isPresent() ? request.certificateAuthority()
                : request.certificateAuthority().or(() -> Optional.ofNullable(remembered.certificateAuthority()));
        Optional<String> caData = request.server().isPresent() ? request.certificateAuthorityData()
                : request.certificateAuthorityData().or(() -> Optional.ofNullable(remembered.certificateAuthorityData()));
        Optional<String> context = request.context().or(() -> Optional.ofNullable(remembered.context()))
                .or(() -> server.map(s -> profile.name()));
        Path file = KubeconfigLocator.resolve(request.kubeconfig().or(() -> Optional.ofNullable(remembered.kubeconfig())), environment, home);

        List<String> secretsWritten = new ArrayList<>();
        Map<String, Object> userEntry = userEntry(profile, mode, secretsWritten);
        EditResult edit = editor.edit(file, document -> {
            document.upsertUser(user, userEntry);
            context.ifPresent(name -> {
                if (server.isPresent()) {
                    document.upsertCluster(name, KubeconfigEntries.cluster(server.get(), ca, caData));
                    document.upsertContext(name, KubeconfigEntries.context(name, user));
                } else {
                    Map<String, Object> existing = document.context(name).orElseThrow(() -> new IllegalArgumentException(
                            "context '" + name + "' is not in " + file + ": give --server URL to create it"));
                    document.upsertContext(name, KubeconfigEntries.context(String.valueOf(existing.get("cluster")), user));
                }
                if (request.setCurrentContext()) {
                    document.setCurrentContext(name);
                }
            });
        }, request.dryRun());
        if (!request.dryRun()) {
            profiles.save(profile.withCluster(new ClusterSettings(request.kubeconfig().orElse(remembered.kubeconfig()),
                    mode.word(), user, context.orElse(null), server.orElse(null), ca.orElse(null), caData.orElse(null))));
        }
        String shownDiff = UnifiedDiff.diff(hide(edit.oldText(), secretsWritten), hide(edit.newText(), secretsWritten),
                file.toString(), file.toString());
        Optional<CachedToken> staticToken = mode == KubeconfigMode.TOKEN ? sessions.cached(profile.name()) : Optional.empty();
        return new Outcome(file, mode, user, context, shownDiff, edit.backup(), edit.written(), staticToken);
    }

    private Map<String, Object> userEntry(Profile profile, KubeconfigMode mode, List<String> secretsWritten) {
        String name = profile.name();
        if (mode == KubeconfigMode.EXEC) {
            return KubeconfigEntries.execUser(selfCommand, List.of("get-token", "--profile", name),
                    "kubectl runs kubesignin to get a token for this user, but could not start it: reinstall kubesignin,"
                            + " then run 'kubesignin kubeconfig write --profile " + name + "' again");
        }
        String idToken = sessions.currentToken(name).idToken();
        secretsWritten.add(idToken);
        if (mode == KubeconfigMode.TOKEN) {
            return KubeconfigEntries.tokenUser(idToken);
        }
        SecretStore keychain = secrets.get();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("idp-issuer-url", profile.issuer().toString());
        config.put("client-id", profile.clientId());
        Optional<String> clientSecret = profile.authentication().needsSecret()
                ? keychain.get(SecretKeys.clientSecret(name)) : Optional.empty();
        clientSecret.ifPresent(secret -> {
            config.put("client-secret", secret);
            secretsWritten.add(secret);
        });
        config.put("id-token", idToken);
        keychain.get(SecretKeys.refreshToken(name)).ifPresent(refresh -> {
            config.put("refresh-token", refresh);
            secretsWritten.add(refresh);
        });
        profile.caFileIfAny().ifPresent(caFile -> config.put("idp-certificate-authority", caFile.toAbsolutePath().toString()));
        return KubeconfigEntries.authProviderUser(config);
    }

    /**
     * The diff is printed, so the secrets written, and any secret-looking value already in the file (another user's
     * token, a rotated refresh token), are shown as a placeholder.
     */
    static String hide(String text, List<String> secrets) {
        String hidden = text;
        for (String secret : secrets) {
            hidden = hidden.replace(secret, "<secret>");
        }
        return SECRET_VALUE.matcher(hidden).replaceAll("$1<secret>");
    }

    private static final java.util.regex.Pattern SECRET_VALUE = java.util.regex.Pattern.compile(
            "(?m)^(\\s*(?:-\\s+)?(?:client-secret|refresh-token|id-token|token|password|client-key-data):\\s*)(?!<secret>)\\S.*$");
}
