package io.github.kubesignin.oidc;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCode;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.SignInMethod;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The device sign-in for {@link OidcClient} (RFC 8628): a user code to enter elsewhere, then polling. */
final class DeviceSignIn {
    private final OidcClient client;

    DeviceSignIn(OidcClient client) {
        this.client = client;
    }

    DeviceAuthorization start(Profile profile, Optional<String> clientSecret, Clock clock) {
        ProviderInfo provider = client.discoverForSignIn(profile, SignInMethod.DEVICE);
        OidcClient.requireOpenId(profile);
        URI endpoint = provider.deviceAuthorizationEndpoint().orElseThrow();
        Scope scope = new Scope(profile.scopes().toArray(String[]::new));
        Map<String, List<String>> custom = new java.util.LinkedHashMap<>();
        profile.extraParameters().forEach((k, v) -> custom.put(k, List.of(v)));
        ClientID clientId = new ClientID(profile.clientId());
        DeviceAuthorizationRequest request = profile.authentication().needsSecret()
                ? new DeviceAuthorizationRequest(endpoint, client.clientAuthentication(profile, clientSecret), scope, custom)
                : new DeviceAuthorizationRequest(endpoint, clientId, scope, custom);
        HTTPResponse response = client.send(request.toHTTPRequest(), profile);
        String what = "the device authorization endpoint " + endpoint;
        if (response.getStatusCode() != 200) {
            throw client.tokenError(response, profile, what, GrantKind.DEVICE_CODE);
        }
        DeviceAuthorizationSuccessResponse success;
        try {
            DeviceAuthorizationResponse parsed = DeviceAuthorizationResponse.parse(client.jsonBody(response, what));
            if (!parsed.indicatesSuccess()) {
                throw new OidcException(OidcProblem.ISSUER_ERROR, what + " refused the request");
            }
            success = parsed.toSuccessResponse();
        } catch (ParseException e) {
            throw new OidcException(OidcProblem.ISSUER_ERROR, what + " gave an answer that is not a device authorization: " + e.getMessage(), e);
        }
        Duration interval = Duration.ofSeconds(success.getInterval() > 0 ? success.getInterval() : 5);
        return new DeviceAuthorization(success.getUserCode().getValue(), success.getVerificationURI(),
                Optional.ofNullable(success.getVerificationURIComplete()),
                clock.instant().plusSeconds(success.getLifetime()), interval,
                new DeviceAuthorization.Secret(success.getDeviceCode().getValue()), provider);
    }

    TokenSet await(Profile profile, Optional<String> clientSecret, DeviceAuthorization started, Clock clock,
                   Sleeper sleeper, SignInCancellation cancellation) {
        Duration interval = started.interval();
        var grant = new DeviceCodeGrant(new DeviceCode(started.deviceCode().value()));
        while (true) {
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OidcException(OidcProblem.CANCELLED, "the sign-in was cancelled");
            }
            cancellation.throwIfCancelled();
            if (!clock.instant().isBefore(started.expiresAt())) {
                throw TokenErrors.deviceCodeExpired();
            }
            try {
                return client.requestTokens(profile, started.provider(), clientSecret, grant, GrantKind.DEVICE_CODE, null);
            } catch (DevicePending pending) {
                if (pending.slowDown()) {
                    interval = interval.plusSeconds(5);
                }
            }
        }
    }
}
