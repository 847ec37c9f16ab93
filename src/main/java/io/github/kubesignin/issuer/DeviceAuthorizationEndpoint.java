package io.github.kubesignin.issuer;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** {@code POST /device} (RFC 8628 §3.1–3.2): gives a device code, a user code and where to enter it. */
final class DeviceAuthorizationEndpoint implements IssuerRouter.Endpoint {
    private final IssuerSettings settings;
    private final ClientAuthenticator clients;
    private final DeviceCodes devices;

    DeviceAuthorizationEndpoint(IssuerSettings settings, ClientAuthenticator clients, DeviceCodes devices) {
        this.settings = settings;
        this.clients = clients;
        this.devices = devices;
    }

    @Override
    public void serve(HttpExchange exchange) throws IOException {
        try {
            FormData form = FormData.read(exchange);
            IssuerClient client = clients.authenticate(exchange.getRequestHeaders(), form);
            if (!client.grantTypes().contains(IssuerClient.DEVICE_CODE)) {
                throw OAuthException.unauthorizedClient("client " + client.clientId() + " may not use the device grant");
            }
            Set<String> scope = new LinkedHashSet<>();
            if (form.has("scope")) {
                scope.addAll(Arrays.asList(form.get("scope").trim().split("\\s+")));
            }
            for (String each : scope) {
                if (!IssuerSettings.SUPPORTED_SCOPES.contains(each)) {
                    throw OAuthException.invalidScope("unknown scope " + each);
                }
            }
            DeviceCodes.Entry entry = devices.issue(client.clientId(), Collections.unmodifiableSet(scope),
                    settings.clock().instant(), settings.deviceCodeLifetime(), settings.devicePollInterval());
            String verification = settings.baseUrl() + DiscoveryDocument.DEVICE_VERIFICATION_PATH;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("device_code", entry.deviceCode);
            body.put("user_code", entry.userCode);
            body.put("verification_uri", verification);
            body.put("verification_uri_complete", verification + "?user_code=" + URLEncoder.encode(entry.userCode, StandardCharsets.UTF_8));
            body.put("expires_in", settings.deviceCodeLifetime().toSeconds());
            body.put("interval", settings.devicePollInterval().toSeconds());
            HttpExchanges.sendNoStoreJson(exchange, 200, body);
        } catch (OAuthException e) {
            HttpExchanges.sendError(exchange, e);
        }
    }
}
