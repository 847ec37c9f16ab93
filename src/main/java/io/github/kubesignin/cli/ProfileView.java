package io.github.kubesignin.cli;

import io.github.kubesignin.profile.ApiServerSettings;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.SecretKeys;
import java.util.LinkedHashMap;
import java.util.Map;

/** A profile as the command line shows it: as JSON-ready fields, never with a secret. */
final class ProfileView {
    private ProfileView() {
    }

    static Map<String, Object> fields(Profile p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", p.name());
        map.put("issuer", p.issuer().toString());
        map.put("clientId", p.clientId());
        map.put("clientAuthentication", p.authentication().word());
        map.put("clientSecret", p.authentication().needsSecret() ? "in the OS keychain as " + SecretKeys.clientSecret(p.name()) : null);
        map.put("scopes", p.scopes());
        map.put("extraParameters", p.extraParameters());
        map.put("usernameClaim", p.usernameClaim());
        map.put("groupsClaim", p.groupsClaim());
        map.put("caFile", p.caFileIfAny().map(Object::toString).orElse(null));
        map.put("username", p.usernameIfAny().orElse(null));
        map.put("signInMethod", p.signInMethod().word());
        map.put("redirectPort", p.signIn().hasFixedRedirectPort() ? p.signIn().redirectPort() : null);
        ApiServerSettings a = p.apiServer();
        map.put("apiServerIssuerUrl", a.issuerUrlIfAny().map(Object::toString).orElse(null));
        map.put("audiences", a.audiences().isEmpty() ? null : a.audiences());
        map.put("usernamePrefix", a.usernamePrefix());
        map.put("groupsPrefix", a.groupsPrefix());
        map.put("requiredClaims", a.requiredClaims());
        map.put("signingAlgs", a.signingAlgs().isEmpty() ? null : a.signingAlgs());
        return map;
    }
}
