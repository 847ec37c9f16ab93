package io.github.kubesignin.session;

import io.github.kubesignin.oidc.OidcClient;
import io.github.kubesignin.oidc.OidcException;
import io.github.kubesignin.oidc.OidcProblem;
import io.github.kubesignin.oidc.TokenSet;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.ProfileStore;
import io.github.kubesignin.profile.ProfileValidator;
import io.github.kubesignin.profile.SecretKeys;
import io.github.kubesignin.secret.SecretStore;
import io.github.kubesignin.secret.SecretStoreUnavailableException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A person's session per profile: sign in, the current id_token for {@code get-token}, and sign out.
 *
 * <p>The order of {@link #currentToken} follows kubelogin's credential plugin: a cached token that stays valid for
 * more than the safety margin is returned without opening the keychain or touching the network (both cost up to a
 * second); otherwise, under a per-profile lock shared by every process, the cache is read again, then the refresh
 * token is used, then a remembered password, and else the person must sign in. The keychain and the OIDC client are
 * only created on those slow paths.
 */
public final class SessionService {
    public static final Duration DEFAULT_SAFETY_MARGIN = Duration.ofSeconds(60);
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

    private final ProfileStore profiles;
    private final Supplier<SecretStore> secrets;
    private final Supplier<OidcClient> oidc;
    private final TokenCache cache;
    private final Clock clock;
    private final Path lockDirectory;
    private final Duration safetyMargin;
    private final Duration lockTimeout;

    public SessionService(ProfileStore profiles, Supplier<SecretStore> secrets, Supplier<OidcClient> oidc,
                          TokenCache cache, Clock clock, Path lockDirectory) {
        this(profiles, secrets, oidc, cache, clock, lockDirectory, DEFAULT_SAFETY_MARGIN, DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * @param safetyMargin a cached token must stay valid at least this long to be handed out, so that kubectl does
     *                     not send a token that expires on the way
     * @param lockTimeout  how long to wait for another process that is renewing the same profile
     */
    public SessionService(ProfileStore profiles, Supplier<SecretStore> secrets, Supplier<OidcClient> oidc,
                          TokenCache cache, Clock clock, Path lockDirectory, Duration safetyMargin, Duration lockTimeout) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.oidc = Objects.requireNonNull(oidc, "oidc");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lockDirectory = Objects.requireNonNull(lockDirectory, "lockDirectory");
        this.safetyMargin = Objects.requireNonNull(safetyMargin, "safetyMargin");
        this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
    }

    /**
     * Signs in with the password grant and keeps the session: the refresh token in the keychain (a stale one is
     * deleted when the issuer gives none), the password only when {@code rememberPassword} (else a remembered one is
     * deleted), and the id_token in the cache. Remembering the password also makes {@code username} the profile's
     * username, since the password is useless without it. {@code password} is wiped afterwards, whatever happens.
     *
     * <p>A public client needs no keychain to sign in. When none is reachable the sign-in still succeeds with the
     * id_token cached, and the result says that the session could not be kept (never a fallback to a file).
     */
    public SignedIn login(Profile profile, String username, char[] password, boolean rememberPassword) {
        String rememberedPassword = rememberPassword ? new String(password) : null;
        try (ProfileLock lock = lock(profile.name())) {
            Optional<String> clientSecret = profile.authentication().needsSecret()
                    ? clientSecret(profile, secrets.get()) : Optional.empty();
            TokenSet tokens = oidc.get().signInWithPassword(profile, clientSecret, username, password);
            return keep(profile, tokens, username, rememberedPassword);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** A sign-in that needs the person elsewhere (a browser, another device), given the client secret if any. */
    @FunctionalInterface
    public interface InteractiveSignIn {
        TokenSet signIn(OidcClient oidc, Optional<String> clientSecret);
    }

    /**
     * Signs in with the browser or device flow and keeps the session exactly as {@link #login} does (refresh token in
     * the keychain, a remembered password deleted, the id_token cached, the session marker). The flow runs outside
     * the profile's lock, since it waits for a person for minutes while {@code get-token} in other processes must not
     * hang; only storing the result takes the lock.
     */
    public SignedIn signIn(Profile profile, InteractiveSignIn flow) {
        Optional<String> clientSecret = profile.authentication().needsSecret()
                ? clientSecret(profile, secrets.get()) : Optional.empty();
        TokenSet tokens = flow.signIn(oidc.get(), clientSecret);
        try (ProfileLock lock = lock(profile.name())) {
            return keep(profile, tokens, null, null);
        }
    }

    /** The one place a new sign-in is stored, whatever the method; the caller holds the profile's lock. */
    private SignedIn keep(Profile profile, TokenSet tokens, String username, String rememberedPassword) {
        cache.write(profile.name(), new CachedToken(tokens.idToken(), tokens.idTokenExpiry()));
        try {
            keepSession(profile.name(), username, tokens, rememberedPassword);
            if (tokens.refreshToken().isPresent() || rememberedPassword != null) {
                cache.markSignedIn(profile.name());
            } else {
                cache.forgetSignIn(profile.name());
            }
            return new SignedIn(tokens, Optional.empty());
        } catch (SecretStoreUnavailableException e) {
            if (rememberedPassword != null) {
                throw e;
            }
            return new SignedIn(tokens, Optional.of("the session is not kept, so you will have to sign in again when"
                    + " the token expires: the OS keychain is unavailable: " + e.getMessage()));
        }
    }

    private void keepSession(String name, String username, TokenSet tokens, String rememberedPassword) {
        SecretStore keychain = secrets.get();
        if (tokens.refreshToken().isPresent()) {
            keychain.put(SecretKeys.refreshToken(name), tokens.refreshToken().get());
        } else {
            keychain.delete(SecretKeys.refreshToken(name));
        }
        if (rememberedPassword != null) {
            keychain.put(SecretKeys.password(name), rememberedPassword);
            profiles.find(name).filter(stored -> !username.equals(stored.username()))
                    .ifPresent(stored -> profiles.save(stored.withUsername(username)));
        } else {
            keychain.delete(SecretKeys.password(name));
        }
    }

    /**
     * The id_token for {@code get-token}: from the cache while it stays valid for more than the safety margin, else
     * renewed under the profile's lock.
     *
     * @throws SignInRequiredException      when nothing can renew the session
     * @throws SessionLockTimeoutException  when another process holds the lock too long
     * @throws io.github.kubesignin.oidc.OidcException when the issuer cannot be reached or fails otherwise
     */
    public CachedToken currentToken(String profileName) {
        Profile profile = profiles.get(profileName); // also refuses a removed profile whose cache is still there
        Optional<CachedToken> seen = cache.read(profileName);
        if (seen.isPresent() && isFresh(seen.get())) {
            return seen.get();
        }
        try (ProfileLock lock = lock(profileName)) {
            Optional<CachedToken> now = cache.read(profileName);
            if (now.isPresent() && (isFresh(now.get()) || renewedMeanwhile(seen, now.get()))) {
                return now.get();
            }
            return renew(profile);
        }
    }

    /**
     * Renews the token now, even while the cached one is still valid: the tray's "Refresh now" and its auto-refresh
     * act minutes before expiry, when {@link #currentToken} would still hand out the cached token. A token that
     * another process renewed while this one waited for the lock is taken instead of renewing twice.
     *
     * @throws SignInRequiredException when nothing can renew the session
     */
    public CachedToken renewNow(String profileName) {
        Profile profile = profiles.get(profileName);
        Optional<CachedToken> seen = cache.read(profileName);
        try (ProfileLock lock = lock(profileName)) {
            Optional<CachedToken> now = cache.read(profileName);
            if (now.isPresent() && renewedMeanwhile(seen, now.get())) {
                return now.get();
            }
            return renew(profile);
        }
    }

    /** The cached token whatever its expiry, for the desktop app and the tray; never opens the keychain. */
    public Optional<CachedToken> cached(String profileName) {
        return cache.read(profileName);
    }

    /**
     * Signs out: revokes the refresh token where the issuer offers revocation (best effort), then deletes the cached
     * token, the refresh token and the remembered password. The local clean-up happens even when revocation fails.
     */
    public LogoutResult logout(String profileName) {
        Profile profile = profiles.get(profileName);
        try (ProfileLock lock = lock(profileName)) {
            cache.delete(profileName); // first: this is what grants access right now
            cache.forgetSignIn(profileName);
            SecretStore keychain = secrets.get();
            Optional<String> refreshToken = keychain.get(SecretKeys.refreshToken(profileName));
            LogoutResult result = refreshToken.isEmpty()
                    ? new LogoutResult(profileName, LogoutResult.Revocation.NOTHING_TO_REVOKE, Optional.empty())
                    : revoke(profile, keychain, refreshToken.get());
            keychain.delete(SecretKeys.refreshToken(profileName));
            keychain.delete(SecretKeys.password(profileName));
            return result;
        }
    }

    /** {@link #logout} for every profile, in the profiles file's order. */
    public List<LogoutResult> logoutAll() {
        List<LogoutResult> results = new ArrayList<>();
        for (Profile profile : profiles.list()) {
            results.add(logout(profile.name()));
        }
        return results;
    }

    private CachedToken renew(Profile profile) {
        String name = profile.name();
        if (!cache.isSignedIn(name)) {
            throw new SignInRequiredException(name, null); // nothing to renew with: no need to open the keychain
        }
        SecretStore keychain = secrets.get();
        String reason = null;
        Optional<String> refreshToken = keychain.get(SecretKeys.refreshToken(name));
        if (refreshToken.isPresent()) {
            try {
                TokenSet tokens = oidc.get().refresh(profile, clientSecret(profile, keychain), refreshToken.get());
                // The issuer may have rotated the refresh token, so the old one is dead now: store the new one before
                // anything else can fail.
                tokens.refreshToken().filter(rotated -> !rotated.equals(refreshToken.get()))
                        .ifPresent(rotated -> keychain.put(SecretKeys.refreshToken(name), rotated));
                return remember(name, tokens);
            } catch (OidcException e) {
                if (e.problem() != OidcProblem.REFRESH_TOKEN_REJECTED) {
                    throw e;
                }
                keychain.delete(SecretKeys.refreshToken(name));
                reason = "the refresh token was rejected";
            }
        }
        Optional<String> password = keychain.get(SecretKeys.password(name));
        if (password.isPresent() && profile.usernameIfAny().isPresent()) {
            char[] chars = password.get().toCharArray();
            try {
                TokenSet tokens = oidc.get().signInWithPassword(profile, clientSecret(profile, keychain),
                        profile.usernameIfAny().get(), chars);
                tokens.refreshToken().ifPresent(fresh -> keychain.put(SecretKeys.refreshToken(name), fresh));
                return remember(name, tokens);
            } catch (OidcException e) {
                if (e.problem() != OidcProblem.WRONG_CREDENTIALS) {
                    throw e;
                }
                keychain.delete(SecretKeys.password(name)); // changed since: retrying would only lock the account
                reason = "the remembered password was refused";
            } finally {
                Arrays.fill(chars, '\0');
            }
        }
        cache.forgetSignIn(name);
        throw new SignInRequiredException(name, reason);
    }

    private CachedToken remember(String profileName, TokenSet tokens) {
        CachedToken token = new CachedToken(tokens.idToken(), tokens.idTokenExpiry());
        cache.write(profileName, token);
        return token;
    }

    private LogoutResult revoke(Profile profile, SecretStore keychain, String refreshToken) {
        try {
            boolean revoked = oidc.get().revoke(profile, clientSecret(profile, keychain), refreshToken);
            return new LogoutResult(profile.name(),
                    revoked ? LogoutResult.Revocation.REVOKED : LogoutResult.Revocation.NOT_SUPPORTED, Optional.empty());
        } catch (RuntimeException e) {
            // Best effort: the local clean-up must happen anyway. OidcException messages carry no secrets.
            return new LogoutResult(profile.name(), LogoutResult.Revocation.FAILED, Optional.ofNullable(e.getMessage()));
        }
    }

    private boolean isFresh(CachedToken token) {
        return token.isValidFor(clock.instant(), safetyMargin);
    }

    /**
     * Another process renewed the token while this one waited for the lock. Its token is taken even inside the
     * margin (an issuer may hand out tokens that live less than the margin), so that parallel callers still cause
     * one renewal only.
     */
    private boolean renewedMeanwhile(Optional<CachedToken> before, CachedToken now) {
        return !before.equals(Optional.of(now)) && now.isValidFor(clock.instant(), Duration.ZERO);
    }

    private Optional<String> clientSecret(Profile profile, SecretStore keychain) {
        return profile.authentication().needsSecret()
                ? keychain.get(SecretKeys.clientSecret(profile.name()))
                : Optional.empty();
    }

    private ProfileLock lock(String profileName) {
        if (!ProfileValidator.isValidName(profileName)) {
            throw new IllegalArgumentException("not a valid profile name: '" + profileName + "'"); // it names a file
        }
        return ProfileLock.acquire(lockDirectory.resolve(profileName + ".lock"), profileName, lockTimeout);
    }
}
