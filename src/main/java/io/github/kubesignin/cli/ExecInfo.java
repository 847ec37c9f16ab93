package io.github.kubesignin.cli;

import io.github.kubesignin.json.Json;
import io.github.kubesignin.json.JsonException;
import java.util.Map;

/**
 * What kubectl tells its credential plugin in {@code KUBERNETES_EXEC_INFO}: the ExecCredential version it speaks and
 * whether the plugin may talk to the person (a terminal is attached).
 */
record ExecInfo(String apiVersion, boolean interactive) {
    static final String V1 = "client.authentication.k8s.io/v1";
    static final String V1BETA1 = "client.authentication.k8s.io/v1beta1";

    /** Without the variable (run by hand): v1, interactive when there is a terminal. */
    static ExecInfo from(String variable, boolean hasTerminal) {
        if (variable == null || variable.isBlank()) {
            return new ExecInfo(V1, hasTerminal);
        }
        Map<String, Object> info;
        try {
            info = Json.parseObject(variable);
        } catch (JsonException e) {
            throw new UserError("KUBERNETES_EXEC_INFO is not JSON (" + e.getMessage() + ")");
        }
        String apiVersion = String.valueOf(info.getOrDefault("apiVersion", V1));
        if (!apiVersion.equals(V1) && !apiVersion.equals(V1BETA1)) {
            throw new UserError("kubectl asks for ExecCredential " + apiVersion + "; kubesignin speaks " + V1 + " and " + V1BETA1);
        }
        boolean interactive = info.get("spec") instanceof Map<?, ?> spec && Boolean.TRUE.equals(spec.get("interactive"));
        return new ExecInfo(apiVersion, interactive);
    }
}
