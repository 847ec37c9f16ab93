package io.github.kubesignin.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * RBAC for a signed-in person: a ClusterRoleBinding (or a RoleBinding in one namespace) of a user or a group to a
 * ClusterRole, shaped like {@code kubectl create clusterrolebinding … --dry-run=client -o yaml}. A role that is not one
 * of Kubernetes' built-in user-facing roles gets a read-only ClusterRole to start from.
 */
public final class RbacBinding {
    public static final Set<String> BUILT_IN_ROLES = Set.of("cluster-admin", "admin", "edit", "view");
    private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

    public enum SubjectKind { User, Group }

    /**
     * @param namespace null for a ClusterRoleBinding
     */
    public record Request(SubjectKind kind, String subject, String role, String namespace) {
        public String bindingName() {
            return dnsName("oidc-" + role + "-" + subject);
        }
    }

    private RbacBinding() {
    }

    public static String yaml(Request request) {
        StringBuilder out = new StringBuilder();
        if (!BUILT_IN_ROLES.contains(request.role())) {
            out.append(customClusterRole(request.role())).append("---\n");
        }
        out.append("apiVersion: ").append(RBAC_GROUP).append("/v1\n");
        out.append("kind: ").append(request.namespace() == null ? "ClusterRoleBinding" : "RoleBinding").append('\n');
        out.append("metadata:\n");
        out.append("  name: ").append(request.bindingName()).append('\n');
        if (request.namespace() != null) {
            out.append("  namespace: ").append(YamlText.scalar(request.namespace())).append('\n');
        }
        out.append("roleRef:\n");
        out.append("  apiGroup: ").append(RBAC_GROUP).append('\n');
        out.append("  kind: ClusterRole\n");
        out.append("  name: ").append(YamlText.scalar(request.role())).append('\n');
        out.append("subjects:\n");
        out.append("- apiGroup: ").append(RBAC_GROUP).append('\n');
        out.append("  kind: ").append(request.kind().name()).append('\n');
        out.append("  name: ").append(YamlText.scalar(request.subject())).append('\n');
        return out.toString();
    }

    public static Snippet snippet(Request request) {
        List<String> notes = new ArrayList<>();
        if (!BUILT_IN_ROLES.contains(request.role())) {
            notes.add("'" + request.role() + "' is not built in: the ClusterRole above is a read-only start; edit its rules");
        }
        return new Snippet("RBAC for " + request.kind().name().toLowerCase(Locale.ROOT) + " " + request.subject(),
                "apply as a cluster admin: kubectl apply -f rbac.yaml", yaml(request), notes);
    }

    /** A read-only role over the everyday workload resources, like the classic OIDC tutorials' example. */
    static String customClusterRole(String name) {
        return "apiVersion: " + RBAC_GROUP + "/v1\n"
                + "kind: ClusterRole\n"
                + "metadata:\n"
                + "  name: " + YamlText.scalar(name) + "\n"
                + "rules:\n"
                + "- apiGroups: [\"\", \"apps\", \"batch\"]\n"
                + "  resources: [\"pods\", \"pods/log\", \"services\", \"configmaps\", \"deployments\", \"replicasets\", \"statefulsets\", \"jobs\", \"cronjobs\"]\n"
                + "  verbs: [\"get\", \"list\", \"watch\"]\n";
    }

    /** An object name Kubernetes accepts (lower-case DNS subdomain, at most 253 characters). */
    static String dnsName(String text) {
        String name = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^[-.]+|[-.]+$", "");
        return name.length() > 253 ? name.substring(0, 253).replaceAll("[-.]+$", "") : name;
    }
}
