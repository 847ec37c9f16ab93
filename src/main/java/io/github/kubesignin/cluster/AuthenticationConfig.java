package io.github.kubesignin.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The structured {@code AuthenticationConfiguration} equivalent of the flags: {@code apiserver.config.k8s.io/v1} for
 * Kubernetes 1.34+, {@code v1beta1} for 1.30–1.33 (the same shape).
 */
public final class AuthenticationConfig {
    /**
     * The check the API server applies by itself when the username claim is email; written out so it stays when
     * someone switches the mapping to an expression (the docs require it then).
     */
    public static final String EMAIL_VERIFIED_RULE = "claims.?email_verified.orValue(true) == true";

    public enum Version {
        V1("apiserver.config.k8s.io/v1", "1.34+"),
        V1BETA1("apiserver.config.k8s.io/v1beta1", "1.30–1.33");

        final String apiVersion;
        final String kubernetes;

        Version(String apiVersion, String kubernetes) {
            this.apiVersion = apiVersion;
            this.kubernetes = kubernetes;
        }
    }

    private AuthenticationConfig() {
    }

    public static String yaml(ApiServerOidc s, Version version) {
        StringBuilder out = new StringBuilder();
        out.append("apiVersion: ").append(version.apiVersion).append('\n');
        out.append("kind: AuthenticationConfiguration\n");
        out.append("jwt:\n");
        out.append("- issuer:\n");
        out.append("    url: ").append(YamlText.scalar(s.issuerUrl())).append('\n');
        out.append("    audiences:\n");
        s.audiences().forEach(aud -> out.append("    - ").append(YamlText.scalar(aud)).append('\n'));
        if (s.audiences().size() > 1) {
            out.append("    audienceMatchPolicy: MatchAny\n");
        }
        s.caFileIfAny().ifPresent(ca -> out.append("    certificateAuthority: ").append(YamlText.literal(read(ca), "      ")));
        if (!s.requiredClaims().isEmpty() || s.usernameClaim().equals("email")) {
            out.append("  claimValidationRules:\n");
            s.requiredClaims().forEach((claim, value) -> out.append("  - claim: ").append(YamlText.scalar(claim)).append('\n')
                    .append("    requiredValue: ").append(YamlText.scalar(value)).append('\n'));
            if (s.usernameClaim().equals("email")) {
                out.append("  - expression: ").append(YamlText.scalar(EMAIL_VERIFIED_RULE)).append('\n')
                        .append("    message: ").append(YamlText.scalar("oidc: email not verified")).append('\n');
            }
        }
        out.append("  claimMappings:\n");
        out.append("    username:\n");
        out.append("      claim: ").append(YamlText.scalar(s.usernameClaim())).append('\n');
        // the structured config has no implicit ISSUER# prefix: write the one the flags would apply
        out.append("      prefix: ").append(YamlText.scalar(s.effectiveUsernamePrefix())).append('\n');
        if (s.hasGroupsClaim()) {
            out.append("    groups:\n");
            out.append("      claim: ").append(YamlText.scalar(s.groupsClaim())).append('\n');
            out.append("      prefix: ").append(YamlText.scalar(s.effectiveGroupsPrefix())).append('\n');
        }
        return out.toString();
    }

    public static Snippet snippet(ApiServerOidc s, Version version) {
        java.util.List<String> notes = new java.util.ArrayList<>();
        if (!s.signingAlgs().equals(ApiServerOidc.DEFAULT_SIGNING_ALGS)) {
            notes.add("the configuration file has no signing-algorithm setting: it accepts every asymmetric algorithm");
        }
        if (s.issuerUrl().contains("://127.0.0.1") || s.issuerUrl().contains("://localhost")) {
            notes.add("the issuer is on localhost: an API server in a VM or container cannot reach it for discovery and keys");
        }
        return new Snippet("AuthenticationConfiguration " + version.apiVersion + " (Kubernetes " + version.kubernetes + ")",
                "save on each control-plane node and start kube-apiserver with --authentication-config=FILE instead of the --oidc-* flags",
                yaml(s, version), notes);
    }

    private static String read(java.nio.file.Path ca) {
        try {
            return Files.readString(ca, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA file " + ca + ": " + e.getMessage(), e);
        }
    }
}
