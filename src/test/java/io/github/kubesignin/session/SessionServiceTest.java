package io.github.kubesignin.session;

import io.github.kubesignin.testing.AdjustableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.oidc.HttpSettings;
import io.github.kubesignin.oidc.OidcClient;
import io.github.kubesignin.oidc.TokenSet;
import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.ProfileStore;
import io.github.kubesignin.profile.SecretKeys;
import io.github.kubesignin.secret.InMemorySecretStore;
import io.github.kubesignin.secret.SecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session use cases against the embedded issuer (rotating refresh tokens), an in-memory keychain and a test clock. */
class SessionServiceTest {
    static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5));
    static final Duration ID_TOKEN_LIFETIME = Duration.ofHours(1);

    static EmbeddedIssuer issuer;
    @TempDir
    static Path shared;
    static Path ca;

    @TempDir
    Path home;

    final InMemorySecretStore keychain = new InMemorySecretStore();
    final AdjustableClock clock = AdjustableClock.startingNow();
    final OidcClient oidc = new OidcClient(FAST);
    ProfileStore profiles;
    TokenCache cache;
    Profile profile;

    @BeforeAll
    static void startIssuer() throws Exception {
        issuer = EmbeddedIssuer.demo().rotateRefreshTokens(true).idTokenLifetime(ID_TOKEN_LIFETIME).start();
        ca = issuer.certificateAuthority().writeCertificatePem(shared.resolve("ca.pem"));
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @BeforeEach
    void saveProfile() {
        profiles = new ProfileStore(home.resolve("config/kubesignin/profiles.properties"));
        cache = new TokenCache(home.resolve("cache/kubesignin"));
        profile = profile("demo", issuer, ca);
        profiles.save(profile);
    }

    static Profile profile(String name, EmbeddedIssuer issuer, Path ca) {
        return new Profile(name, issuer.issuerUrl(), DemoData.CLIENT_ID, ClientAuthentication.PUBLIC,
                Profile.DEFAULT_SCOPES, Map.of(), "email", "groups", ca, null);
    }

    SessionService service(Supplier<SecretStore> secrets, Supplier<OidcClient> client) {
        return new SessionService(profiles, secrets, client, cache, clock, cache.directory());
    }

    SessionService service() {
        return service(() -> keychain, () -> oidc);
    }

    TokenSet login(boolean rememberPassword) {
        return service().login(profile, DemoData.USER, DemoData.PASSWORD.toCharArray(), rememberPassword).tokens();
    }

    /**
     * Makes the cached token one that expires inside the safety margin. (Moving the test clock instead would make
     * the issuer's new tokens look short-lived too, as the issuer and Nimbus's validation use the real time.)
     */
    CachedToken expireCachedToken() {
        CachedToken stale = new CachedToken(cache.read("demo").orElseThrow().idToken(), clock.instant().plusSeconds(30));
        cache.write("demo", stale);
        return stale;
    }

    String storedRefreshToken() {
        return keychain.get(SecretKeys.refreshToken("demo")).orElseThrow();
    }

    @Test
    void loginKeepsTheRefreshTokenAndCachesTheIdTokenOwnerOnly() throws Exception {
        char[] password = DemoData.PASSWORD.toCharArray();
        TokenSet tokens = service().login(profile, DemoData.USER, password, false).tokens();

        assertThat(password).containsOnly('\0');
        assertThat(keychain.keys()).containsExactly(SecretKeys.refreshToken("demo"));
        assertThat(storedRefreshToken()).isEqualTo(tokens.refreshToken().orElseThrow());
        assertThat(cache.read("demo")).contains(new CachedToken(tokens.idToken(), tokens.idTokenExpiry()));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.directory()))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(cache.directory())) {
            for (Path file : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo("rw-------");
                String content = Files.readString(file);
                assertThat(content).as(file.toString()).doesNotContain(storedRefreshToken()).doesNotContain(DemoData.PASSWORD);
            }
        }
    }

    @Test
    void thePasswordIsRememberedOnlyWhenAsked() {
        login(true);
        assertThat(keychain.get(SecretKeys.password("demo"))).contains(DemoData.PASSWORD);
        assertThat(profiles.get("demo").username()).isEqualTo(DemoData.USER); // needed to use the password later
        assertCacheHoldsNoSecret();

        login(false);
        assertThat(keychain.get(SecretKeys.password("demo"))).isEmpty();
    }

    @Test
    void aValidCachedTokenNeedsNeitherKeychainNorNetwork() {
        TokenSet tokens = login(false);
        int refreshes = issuer.tokenRequests("refresh_token");
        int passwords = issuer.tokenRequests("password");
        SessionService getToken = service(
                () -> fail("the keychain was opened although the cached token is valid"),
                () -> fail("the OIDC client was created although the cached token is valid"));

        CachedToken token = getToken.currentToken("demo");

        assertThat(token.idToken()).isEqualTo(tokens.idToken());
        assertThat(issuer.tokenRequests("refresh_token")).isEqualTo(refreshes);
        assertThat(issuer.tokenRequests("password")).isEqualTo(passwords);

        long start = System.nanoTime();
        int calls = 2_000;
        for (int i = 0; i < calls; i++) {
            getToken.currentToken("demo");
        }
        System.out.printf("currentToken from the cache (warm JVM): %.1f µs per call%n", (System.nanoTime() - start) / 1e3 / calls);
    }

    @Test
    void anExpiringTokenIsRefreshedAndTheRotatedRefreshTokenStored() {
        login(false);
        String oldRefreshToken = storedRefreshToken();
        int refreshes = issuer.tokenRequests("refresh_token");
        CachedToken stale = expireCachedToken();

        CachedToken token = service().currentToken("demo");

        assertThat(token.expiry()).isAfter(stale.expiry());
        assertThat(token.isValidFor(clock.instant(), Duration.ofMinutes(50))).isTrue();
        assertThat(issuer.tokenRequests("refresh_token")).isEqualTo(refreshes + 1);
        assertThat(storedRefreshToken()).isNotEqualTo(oldRefreshToken);
        assertThat(issuer.isRefreshTokenActive(oldRefreshToken)).isFalse();
        assertThat(issuer.isRefreshTokenActive(storedRefreshToken())).isTrue();
        assertThat(cache.read("demo")).contains(token);
        assertCacheHoldsNoSecret();

        assertThat(service().currentToken("demo")).isEqualTo(token); // and now it comes from the cache again
        assertThat(issuer.tokenRequests("refresh_token")).isEqualTo(refreshes + 1);
    }

    @Test
    void renewNowRenewsAStillValidToken() {
        login(false);
        String oldRefreshToken = storedRefreshToken();
        int refreshes = issuer.tokenRequests("refresh_token");

        CachedToken token = service().renewNow("demo");

        // (the new id_token may equal the old one byte for byte when both are issued within the same second)
        assertThat(storedRefreshToken()).isNotEqualTo(oldRefreshToken);
        assertThat(issuer.tokenRequests("refresh_token")).isEqualTo(refreshes + 1);
        assertThat(cache.read("demo")).contains(token);
    }

    @Test
    void renewNowWithoutASessionAsksForASignIn() {
        assertThat(catchThrowableOfType(() -> service().renewNow("demo"), SignInRequiredException.class)).isNotNull();
    }

    @Test
    void aRejectedRefreshTokenFallsBackToTheRememberedPassword() {
        login(true);
        keychain.put(SecretKeys.refreshToken("demo"), "revoked-or-expired");
        int passwords = issuer.tokenRequests("password");
        expireCachedToken();

        CachedToken token = service().currentToken("demo");

        assertThat(token.isValidFor(clock.instant(), Duration.ofMinutes(50))).isTrue();
        assertThat(issuer.tokenRequests("password")).isEqualTo(passwords + 1);
        assertThat(issuer.isRefreshTokenActive(storedRefreshToken())).isTrue(); // the password grant's new one
    }

    @Test
    void withNothingLeftThePersonIsToldToSignIn() {
        login(false);
        keychain.put(SecretKeys.refreshToken("demo"), "revoked-or-expired");
        clock.advance(ID_TOKEN_LIFETIME.plusMinutes(1));

        SignInRequiredException e = catchThrowableOfType(SignInRequiredException.class, () -> service().currentToken("demo"));

        assertThat(e).hasMessage("profile 'demo' needs a new sign-in (the refresh token was rejected):"
                + " run 'kubesignin login --profile demo' or open the kubesignin app");
        assertThat(e.profile()).isEqualTo("demo");
        assertThat(keychain.keys()).isEmpty(); // the dead refresh token is gone
    }

    @Test
    void aRefusedRememberedPasswordIsForgotten() {
        login(true);
        keychain.delete(SecretKeys.refreshToken("demo"));
        keychain.put(SecretKeys.password("demo"), "changed-since");
        expireCachedToken();

        SignInRequiredException e = catchThrowableOfType(SignInRequiredException.class, () -> service().currentToken("demo"));

        assertThat(e).hasMessageContaining("the remembered password was refused").hasMessageNotContaining("changed-since");
        assertThat(keychain.keys()).isEmpty();
    }

    @Test
    void aProfileThatNeverSignedInNeedsASignIn() {
        assertThat(catchThrowableOfType(SignInRequiredException.class, () -> service().currentToken("demo")))
                .hasMessage("profile 'demo' needs a new sign-in: run 'kubesignin login --profile demo' or open the kubesignin app");
    }

    @Test
    void threadsOfOneProcessRefreshOnce() throws Exception {
        login(false);
        int refreshes = issuer.tokenRequests("refresh_token");
        CachedToken stale = expireCachedToken();
        SessionService shared = service();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<CachedToken>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> shared.currentToken("demo"));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<CachedToken> result : pool.invokeAll(calls)) {
                tokens.add(result.get().idToken());
            }
            assertThat(tokens).hasSize(8).containsOnly(tokens.get(0));
            assertThat(cache.read("demo").orElseThrow().expiry()).isAfter(stale.expiry());
        } finally {
            pool.shutdownNow();
        }
        assertThat(issuer.tokenRequests("refresh_token")).isEqualTo(refreshes + 1);
    }

    @Test
    void aLockHeldTooLongEndsInAClearError() {
        login(false);
        expireCachedToken();
        SessionService impatient = new SessionService(profiles, () -> keychain, () -> oidc, cache, clock, cache.directory(),
                SessionService.DEFAULT_SAFETY_MARGIN, Duration.ofMillis(300));
        try (ProfileLock held = ProfileLock.acquire(cache.directory().resolve("demo.lock"), "demo", Duration.ofSeconds(1))) {
            assertThat(catchThrowableOfType(SessionLockTimeoutException.class, () -> impatient.currentToken("demo")))
                    .hasMessageContaining("renewing the session of profile 'demo'");
        }
        assertThat(impatient.currentToken("demo").isValidFor(clock.instant(), Duration.ofMinutes(50))).isTrue();
    }

    @Test
    void logoutRevokesAndDeletesEverything() {
        login(true);
        String refreshToken = storedRefreshToken();

        LogoutResult result = service().logout("demo");

        assertThat(result.revocation()).isEqualTo(LogoutResult.Revocation.REVOKED);
        assertThat(issuer.isRefreshTokenActive(refreshToken)).isFalse();
        assertThat(keychain.keys()).isEmpty();
        assertThat(cache.read("demo")).isEmpty();
        assertThat(cache.execCredentialFile("demo")).doesNotExist();
        assertThat(result.describe()).doesNotContain(refreshToken);

        assertThat(service().logout("demo").revocation()).isEqualTo(LogoutResult.Revocation.NOTHING_TO_REVOKE);
    }

    @Test
    void logoutWithTheIssuerUnreachableStillCleansUpLocally() throws Exception {
        Path otherCa;
        try (EmbeddedIssuer doomed = EmbeddedIssuer.demo().start()) {
            otherCa = doomed.certificateAuthority().writeCertificatePem(home.resolve("doomed-ca.pem"));
            profile = profile("doomed", doomed, otherCa);
            profiles.save(profile);
            service().login(profile, DemoData.USER, DemoData.PASSWORD.toCharArray(), true);
        }
        assertThat(keychain.keys()).hasSize(2);

        LogoutResult result = service().logout("doomed");

        assertThat(result.revocation()).isEqualTo(LogoutResult.Revocation.FAILED);
        assertThat(result.problem()).isPresent();
        assertThat(result.describe()).contains("signed out of 'doomed' on this computer, but the issuer could not revoke");
        assertThat(keychain.keys()).isEmpty();
        assertThat(cache.read("doomed")).isEmpty();
    }

    @Test
    void logoutAllSignsOutOfEveryProfile() {
        login(false);
        Profile second = profile("second", issuer, ca);
        profiles.save(second);
        service().login(second, DemoData.USER, DemoData.PASSWORD.toCharArray(), false);

        List<LogoutResult> results = service().logoutAll();

        assertThat(results).extracting(LogoutResult::profile).containsExactly("demo", "second");
        assertThat(results).extracting(LogoutResult::revocation).containsOnly(LogoutResult.Revocation.REVOKED);
        assertThat(keychain.keys()).isEmpty();
        assertThat(cache.read("second")).isEmpty();
    }

    private void assertCacheHoldsNoSecret() {
        try (Stream<Path> files = Files.list(cache.directory())) {
            for (Path file : files.toList()) {
                String content = Files.readString(file);
                for (String key : keychain.keys()) {
                    assertThat(content).as(file + " vs " + key).doesNotContain(keychain.get(key).orElseThrow());
                }
                assertThat(content).doesNotContain(DemoData.PASSWORD);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aBrowserOrDeviceSignInIsKeptExactlyLikeAPasswordSignIn() {
        keychain.put(SecretKeys.password("demo"), "an-old-remembered-password");
        SessionService sessions = service();
        TokenSet fromTheFlow = oidc.signInWithPassword(profile, java.util.Optional.empty(), DemoData.USER,
                DemoData.PASSWORD.toCharArray()); // stands in for the browser: what matters is how the result is kept
        List<Boolean> lockFreeWhileWaiting = new ArrayList<>();

        SignedIn signedIn = sessions.signIn(profile, (client, secret) -> {
            // the person takes minutes: get-token in other processes must not wait for the lock meanwhile
            lockFreeWhileWaiting.add(tryLockElsewhere());
            return fromTheFlow;
        });

        assertThat(lockFreeWhileWaiting).containsExactly(true);
        assertThat(signedIn.sessionWarning()).isEmpty();
        assertThat(keychain.get(SecretKeys.refreshToken("demo"))).isEqualTo(fromTheFlow.refreshToken());
        assertThat(keychain.get(SecretKeys.password("demo"))).isEmpty();
        assertThat(cache.isSignedIn("demo")).isTrue();
        assertThat(sessions.currentToken("demo").idToken()).isEqualTo(fromTheFlow.idToken());
        expireCachedToken();
        int refreshes = issuer.tokenRequests("refresh_token");
        assertThat(sessions.currentToken("demo").idToken()).isNotBlank();
        assertThat(issuer.tokenRequests("refresh_token")).isEqualTo(refreshes + 1); // renewed with the flow's refresh token
    }

    private boolean tryLockElsewhere() {
        try (ProfileLock lock = ProfileLock.acquire(cache.directory().resolve("demo.lock"), "demo", Duration.ofMillis(200))) {
            return true;
        } catch (SessionLockTimeoutException e) {
            return false;
        }
    }
}
