package io.github.kubesignin.profile;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code kubeconfig write} last used for this profile, remembered so the next write needs no options. Every
 * field may be null: nothing chosen yet.
 *
 * @param kubeconfig               the kubeconfig file written to
 * @param mode                     exec, auth-provider or token
 * @param user                     the kubeconfig user entry's name
 * @param context                  the context entry's name
 * @param server                   the API server URL of the cluster entry
 * @param certificateAuthority     a CA file for the API server
 * @param certificateAuthorityData the API server's CA as base64 PEM
 */
public record ClusterSettings(Path kubeconfig, String mode, String user, String context, String server,
                              Path certificateAuthority, String certificateAuthorityData) {
    public static final ClusterSettings NONE = new ClusterSettings(null, null, null, null, null, null, null);

    public Optional<String> serverIfAny() {
        return Optional.ofNullable(server).filter(s -> !s.isBlank());
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
