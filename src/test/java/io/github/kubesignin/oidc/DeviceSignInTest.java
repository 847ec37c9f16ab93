package io.github.kubesignin.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.SignInMethod;
import io.github.kubesignin.profile.SignInSettings;
import io.github.kubesignin.testing.AdjustableClock;
import io.github.kubesignin.testing.TestBrowser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device flow (RFC 8628) end to end against the embedded issuer. The issuer and the poll loop share an
 * adjustable clock, and the sleeper moves it instead of sleeping, so a 10-minute code expires in milliseconds.
 */
class DeviceSignInTest {
    @TempDir
    Path dir;

    final AdjustableClock clock = AdjustableClock.startingNow();
    final OidcClient client = new OidcClient(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5)));
    final List<Duration> sleeps = new ArrayList<>();
    EmbeddedIssuer issuer;
    Path ca;

    @BeforeEach
    void start() throws Exception {
        issuer = EmbeddedIssuer.demo().clock(clock).deviceCodeLifetime(Duration.ofSeconds(60)).start();
        ca = issuer.certificateAuthority().writeCertificatePem(dir.resolve("ca.pem"));
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    Profile profile() {
        return new Profile("demo", issuer.issuerUrl(), DemoData.CLIENT_ID, ClientAuthentication.PUBLIC, Profile.DEFAULT_SCOPES,
                Map.of(), "email", "groups", ca, null).withSignIn(SignInSettings.of(SignInMethod.DEVICE));
    }

    /** Moves the shared clock by each wait; {@code onSleep} gets the number of the sleep (1, 2, …) to act like a person. */
    Sleeper sleeper(IntConsumer onSleep) {
        return duration -> {
            sleeps.add(duration);
            clock.advance(duration);
            onSleep.accept(sleeps.size());
        };
    }

    TokenSet await(DeviceAuthorization started, Sleeper sleeper) {
        return client.awaitDeviceSignIn(profile(), Optional.empty(), started, clock, sleeper, new SignInCancellation());
    }

    @Test
    void theIssuerGivesACodeToShow() {
        DeviceAuthorization started = client.startDeviceSignIn(profile(), Optional.empty(), clock);
        assertThat(started.userCode()).matches("[B-Z]{4}-[B-Z]{4}");
        assertThat(started.verificationUri()).isEqualTo(issuer.issuerUrl().resolve("/device/verify"));
        assertThat(started.bestUri().toString()).endsWith("/device/verify?user_code=" + started.userCode());
        assertThat(started.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(started.expiresAt()).isEqualTo(clock.instant().plusSeconds(60));
        assertThat(started.toString()).doesNotContain(started.deviceCode().value());
    }

    @Test
    void pollsAtTheIntervalUntilApproved() {
        DeviceAuthorization started = client.startDeviceSignIn(profile(), Optional.empty(), clock);
        TokenSet tokens = await(started, sleeper(n -> {
            if (n == 3) {
                issuer.approveDevice(started.userCode(), DemoData.USER);
            }
        }));

        assertThat(tokens.idTokenClaims()).containsEntry("email", DemoData.EMAIL);
        assertThat(tokens.refreshToken()).isPresent();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(issuer.tokenRequests(DemoData.PUBLIC_CLIENT.grantTypes().stream()
                .filter(g -> g.startsWith("urn:")).findFirst().orElseThrow())).isEqualTo(3);
        assertThat(issuer.tokenRequestParameters()).allSatisfy(p -> assertThat(p.get("device_code")).isEqualTo(EmbeddedIssuer.redactedValue()));
    }

    @Test
    void slowDownAddsFiveSeconds() {
        DeviceAuthorization started = client.startDeviceSignIn(profile(), Optional.empty(), clock);
        issuer.slowDownNextDevicePoll();
        await(started, sleeper(n -> {
            if (n == 2) {
                issuer.approveDevice(started.userCode(), DemoData.USER);
            }
        }));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void pollingFasterThanTheIntervalGetsSlowDownFromTheIssuer() {
        DeviceAuthorization started = client.startDeviceSignIn(profile(), Optional.empty(), clock);
        // the first two waits let only 1 s pass, as a client that ignores the interval would; then it behaves
        Sleeper hasty = duration -> {
            sleeps.add(duration);
            clock.advance(sleeps.size() <= 2 ? Duration.ofSeconds(1) : duration);
            if (sleeps.size() == 3) {
                issuer.approveDevice(started.userCode(), DemoData.USER);
            }
        };
        await(started, hasty);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void aDenialIsSaidInWords() {
        DeviceAuthorization started = client.startDeviceSignIn(profile(), Optional.empty(), clock);
        OidcException e = catchThrowableOfType(OidcException.class,
                () -> await(started, sleeper(n -> issuer.denyDevice(started.userCode()))));
        assertThat(e.problem()).isEqualTo(OidcProblem.ACCESS_DENIED);
        assertThat(e).hasMessageStartingWith("the sign-in was denied on the verification page");
    }

    @Test
    void anExpiredCodeFromTheIssuerIsSaidInWords() {
        DeviceAuthorization started = client.startDeviceSignIn(profile(), Optional.empty(), clock);
        // the poll loop looks at its own clock too; this one stays behind so that the issuer's expired_token is seen
        AdjustableClock lagging = new AdjustableClock(clock.instant());
        OidcException e = catchThrowableOfType(OidcException.class, () -> client.awaitDeviceSignIn(profile(), Optional.empty(),
                started, lagging, sleeper(n -> { }), new SignInCancellation()));
        assertThat(e.problem()).isEqualTo(OidcProblem.EXPIRED);
        assertThat(e).hasMessage("the code expired before it was entered on the verification page: start the sign-in again for a new code");
        assertThat(sleeps).hasSize(12);
    }

    @Test
    void theLoopStopsAtTheCodesExpiryOnItsOwn() {
        DeviceAuthorization started = client.startDeviceSignIn(profile(), Optional.empty(), clock);
        issuer.close(); // nobody answers any more: only the loop's own clock can end it
        OidcException e = catchThrowableOfType(OidcException.class, () -> await(started, sleeper(n -> { })));
        assertThat(e.problem()).isEqualTo(OidcProblem.CONNECTION_FAILED); // the first poll finds the issuer gone
        OidcException expired = catchThrowableOfType(OidcException.class, () -> client.awaitDeviceSignIn(profile(),
                Optional.empty(), started, new AdjustableClock(started.expiresAt()), duration -> { }, new SignInCancellation()));
        assertThat(expired.problem()).isEqualTo(OidcProblem.EXPIRED);
    }

    @Test
    void cancelStopsPolling() {
        DeviceAuthorization started = client.startDeviceSignIn(profile(), Optional.empty(), clock);
        SignInCancellation cancellation = new SignInCancellation();
        OidcException e = catchThrowableOfType(OidcException.class, () -> client.awaitDeviceSignIn(profile(), Optional.empty(),
                started, clock, sleeper(n -> cancellation.cancel()), cancellation));
        assertThat(e.problem()).isEqualTo(OidcProblem.CANCELLED);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void thePersonApprovesOnTheVerificationPage() {
        DeviceAuthorization started = client.startDeviceSignIn(profile(), Optional.empty(), clock);
        TestBrowser browser = new TestBrowser(ca);
        TokenSet tokens = await(started, sleeper(n -> {
            if (n == 1) {
                TestBrowser.Page form = browser.open(started.bestUri());
                assertThat(form.body()).contains("Sign in a device", "value=\"" + started.userCode() + "\"");
                TestBrowser.Page wrong = browser.submit(form, Map.of("username", DemoData.USER, "password", "nope", "action", "approve"));
                assertThat(wrong.body()).contains("Wrong username or password.");
                TestBrowser.Page done = browser.submit(form, Map.of("user_code", started.userCode().toLowerCase().replace("-", " "),
                        "username", DemoData.USER, "password", DemoData.PASSWORD, "action", "approve"));
                assertThat(done.body()).contains("Device signed in");
            }
        }));
        assertThat(tokens.idTokenClaims()).containsEntry("preferred_username", DemoData.USER);
    }

    @Test
    void aWrongUserCodeIsToldOnThePage() {
        client.startDeviceSignIn(profile(), Optional.empty(), clock);
        TestBrowser browser = new TestBrowser(ca);
        TestBrowser.Page form = browser.open(issuer.issuerUrl().resolve("/device/verify"));
        TestBrowser.Page answer = browser.submit(form, Map.of("user_code", "BBBB-BBBB", "username", DemoData.USER,
                "password", DemoData.PASSWORD, "action", "approve"));
        assertThat(answer.body()).contains("This code is unknown, expired or already used.");
    }

    @Test
    void anIssuerWithoutADeviceEndpointIsTold() {
        try (EmbeddedIssuer passwordOnly = EmbeddedIssuer.demo().advertisedGrantTypes(List.of("password")).start()) {
            Path otherCa = passwordOnly.certificateAuthority().writeCertificatePem(dir.resolve("other.pem"));
            Profile p = new Profile("demo", passwordOnly.issuerUrl(), DemoData.CLIENT_ID, ClientAuthentication.PUBLIC,
                    Profile.DEFAULT_SCOPES, Map.of(), "email", "groups", otherCa, null).withSignIn(SignInSettings.of(SignInMethod.DEVICE));
            OidcException e = catchThrowableOfType(OidcException.class, () -> client.startDeviceSignIn(p, Optional.empty(), clock));
            assertThat(e.problem()).isEqualTo(OidcProblem.METHOD_NOT_SUPPORTED);
            assertThat(e).hasMessageContaining("signs in with the device method, but the issuer does not list the device grant");
        }
    }
}
