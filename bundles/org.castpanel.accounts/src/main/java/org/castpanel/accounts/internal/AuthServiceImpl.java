/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.persistence.EntityManager;

import org.castpanel.accounts.api.ApiKey;
import org.castpanel.accounts.api.AuthService;
import org.castpanel.accounts.api.PasswordRules;
import org.castpanel.accounts.api.Session;
import org.castpanel.accounts.api.TwoFactorSetup;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.CastPanelException.Kind;
import org.castpanel.core.api.PanelEvents;
import org.castpanel.core.api.Validation;
import org.castpanel.persistence.AccountEntity;
import org.castpanel.persistence.ApiKeyEntity;
import org.castpanel.persistence.SessionEntity;
import org.castpanel.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Session tokens start with {@code cps_}, API keys with {@code cpk_}; both are 32 random bytes,
 * stored only as SHA-256 digests. API access off refuses the account's API keys; the web UI's
 * own session login stays possible (it is how the account holder reaches the panel at all).
 */
@Component(service = AuthService.class, configurationPid = AccountsConfig.PID)
public class AuthServiceImpl implements AuthService {

    static final String SESSION_PREFIX = "cps_";
    static final String API_KEY_PREFIX = "cpk_";
    private static final long MAX_FAILURE_DELAY_MS = 2000;
    private static final long LAST_USED_RESOLUTION_MS = 60_000;

    private final Store store;
    private final PanelEvents events;
    private final TwoFactorChallenges challenges = new TwoFactorChallenges();
    private static final int RECOVERY_CODES = 10;
    private final PasswordHasher hasher = new PasswordHasher();
    /** Verified against when the username is unknown, so timing does not reveal which usernames exist. */
    private final String decoyHash = hasher.hash(Secrets.password());

    private volatile AccountsConfig config;

    @Activate
    public AuthServiceImpl(
            final @Reference Store store, final @Reference PanelEvents events, final AccountsConfig config) {
        this.store = store;
        this.events = events;
        modified(config);
    }

    @Modified
    void modified(AccountsConfig config) {
        this.config = config;
        LoginThrottle.SHARED.configure(
                config.lockAfterFailures(), config.addressLockAfterUsernames(), config.lockMinutes());
    }

    /** What the login transaction decided; thrown or returned once it has committed. */
    private record Outcome(Session session, CastPanelException refusal, int failures) {}

    /**
     * Refusals look and take the same whether the username exists or not: the same slow hash (a
     * decoy for unknown names), the same counting and locking per username and address, and an
     * answer no sooner than the failure delay. The account's own failure count is raised by one
     * atomic update, so parallel guesses are all counted and never collide (no 500).
     */
    @Override
    public Session login(String username, String password, String origin) {
        AccountEntity found = checkPassword(username, password, origin);
        long now = System.currentTimeMillis();
        if (found.totpEnabled && found.enabled) {
            // the password was right; the session waits for the code from the authenticator app
            String challenge = challenges.open(found.id, found.username, now);
            return new Session(
                    null, Instant.ofEpochMilli(now + TwoFactorChallenges.LIFETIME_MS), null, null, challenge);
        }
        return openLoginSession(found.id, origin, now, "password");
    }

    @Override
    public Caller verifyPassword(String username, String password, String origin) {
        AccountEntity found = checkPassword(username, password, origin);
        if (!found.enabled) {
            throw CastPanelException.unauthenticated("account " + found.username + " is disabled");
        }
        if (found.totpEnabled) {
            throw CastPanelException.forbidden(
                    "account " + found.username + " uses two-factor authentication; a password alone is not enough");
        }
        return store.read(em -> Accounts.callerOf(em, found, null, origin, Caller.Credential.PASSWORD, null));
    }

    /** The account whose password this is, after the throttle and lockout checks; every failure counted. */
    private AccountEntity checkPassword(String username, String password, String origin) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw CastPanelException.invalid(
                    username == null || username.isBlank() ? "username" : "password",
                    "username and password are required");
        }
        long started = System.nanoTime();
        long now = System.currentTimeMillis();
        LoginThrottle throttle = LoginThrottle.SHARED;
        long addressLock = throttle.addressLockedUntil(origin, now);
        if (addressLock > 0) {
            throw CastPanelException.tooMany(
                    "too many failed logins from your address; try again after "
                            + Instant.ofEpochMilli(addressLock).truncatedTo(ChronoUnit.SECONDS),
                    (addressLock - now) / 1000 + 1);
        }
        long pairLock = throttle.pairLockedUntil(username, origin, now);
        if (pairLock > 0) {
            throw locked(pairLock);
        }
        AccountEntity found = store.read(em -> Accounts.byUsername(em, username));
        if (found != null && found.lockedUntil != null && found.lockedUntil > now) {
            throw locked(found.lockedUntil);
        }
        boolean passwordOk = hasher.verify(password, found == null ? decoyHash : found.passwordHash) && found != null;
        if (!passwordOk) {
            int failures = throttle.failed(username, origin, now);
            long accountLock = found == null ? 0 : countFailure(found.id, origin, now);
            waitOut(started, failures);
            long lock = Math.max(accountLock, throttle.pairLockedUntil(username, origin, now));
            throw lock > 0 ? locked(lock) : wrongCredentials();
        }
        throttle.succeeded(username, origin);
        return found;
    }

    private Session openLoginSession(long accountId, String origin, long now, String how) {
        Outcome outcome = store.write(em -> {
            AccountEntity e = em.find(AccountEntity.class, accountId);
            if (!e.enabled) {
                return new Outcome(
                        null, CastPanelException.unauthenticated("account " + e.username + " is disabled"), 0);
            }
            em.createQuery("UPDATE AccountEntity a SET a.failedLogins = 0, a.lockedUntil = NULL WHERE a.id = :id")
                    .setParameter("id", e.id)
                    .executeUpdate();
            em.createQuery("DELETE FROM SessionEntity s WHERE s.accountId = :id AND s.expiresAt < :now")
                    .setParameter("id", e.id)
                    .setParameter("now", now)
                    .executeUpdate();
            Session session = openSession(em, e, null, origin, config.sessionMinutes());
            Audit.write(
                    store,
                    em,
                    Accounts.callerOf(em, e, null, origin),
                    "auth.login",
                    "account",
                    e.id,
                    e.path,
                    "password".equals(how) ? null : how);
            return new Outcome(session, null, 0);
        });
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.session();
    }

    /**
     * One more failure on the account, counted in the database in one statement; at the account
     * limit the account is locked for everyone. Returns until when it is locked, or 0.
     */
    private long countFailure(long accountId, String origin, long now) {
        return store.write(em -> {
            em.createQuery("UPDATE AccountEntity a SET a.failedLogins = a.failedLogins + 1 WHERE a.id = :id")
                    .setParameter("id", accountId)
                    .executeUpdate();
            long until = now + config.lockMinutes() * 60_000L;
            int locked = em.createQuery("UPDATE AccountEntity a SET a.lockedUntil = :until, a.failedLogins = 0 "
                            + "WHERE a.id = :id AND a.failedLogins >= :limit")
                    .setParameter("until", until)
                    .setParameter("id", accountId)
                    .setParameter("limit", config.accountLockAfterFailures())
                    .executeUpdate();
            AccountEntity e = em.find(AccountEntity.class, accountId);
            em.refresh(e);
            Caller self = Accounts.callerOf(em, e, null, origin);
            if (locked > 0) {
                Audit.write(
                        store,
                        em,
                        self,
                        "auth.locked",
                        "account",
                        e.id,
                        e.path,
                        config.accountLockAfterFailures() + " failed logins in a row from all addresses");
                return until;
            }
            Audit.write(store, em, self, "auth.login-failed", "account", e.id, e.path, null);
            return 0L;
        });
    }

    /** No refusal answers sooner than the failure delay; each failure in a row doubles it, up to two seconds. */
    private void waitOut(long startedNanos, int failures) {
        long delay = Math.min(
                MAX_FAILURE_DELAY_MS, (long) config.failureDelayMillis() << Math.min(Math.max(failures - 1, 0), 10));
        long left = delay - (System.nanoTime() - startedNanos) / 1_000_000;
        if (left <= 0) {
            return;
        }
        try {
            Thread.sleep(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CastPanelException wrongCredentials() {
        return CastPanelException.unauthenticated("wrong username or password");
    }

    private static CastPanelException locked(long until) {
        return new CastPanelException(
                        Kind.LOCKED,
                        "account_locked",
                        "account is locked after too many failed logins; " + "try again after "
                                + Instant.ofEpochMilli(until).truncatedTo(ChronoUnit.SECONDS),
                        null)
                .retryAfter(Math.max(1, (until - System.currentTimeMillis()) / 1000 + 1));
    }

    private Session openSession(
            EntityManager em, AccountEntity account, Long impersonatorId, String origin, int minutes) {
        String token = Secrets.token(SESSION_PREFIX);
        SessionEntity s = new SessionEntity();
        s.id = store.nextId("cp_session");
        s.tokenHash = Secrets.sha256(token);
        s.accountId = account.id;
        s.impersonatorId = impersonatorId;
        s.origin = origin == null ? null : Validation.abbreviate(origin);
        s.createdAt = System.currentTimeMillis();
        s.expiresAt = s.createdAt + minutes * 60_000L;
        em.persist(s);
        return new Session(token, Instant.ofEpochMilli(s.expiresAt), Accounts.toAccount(em, account), impersonatorId);
    }

    @Override
    public Caller authenticate(String bearer, String origin) {
        if (bearer == null || bearer.isBlank()) {
            throw CastPanelException.unauthenticated("log in first: send Authorization: Bearer <token or API key>");
        }
        String digest = Secrets.sha256(bearer);
        long now = System.currentTimeMillis();
        if (bearer.startsWith(SESSION_PREFIX)) {
            return store.read(em -> {
                List<Object[]> rows = em.createQuery(
                                "SELECT s, a FROM SessionEntity s, AccountEntity a "
                                        + "WHERE s.tokenHash = :h AND a.id = s.accountId",
                                Object[].class)
                        .setParameter("h", digest)
                        .getResultList();
                if (rows.isEmpty() || ((SessionEntity) rows.get(0)[0]).expiresAt < now) {
                    throw CastPanelException.unauthenticated("session expired or logged out; log in again");
                }
                SessionEntity session = (SessionEntity) rows.get(0)[0];
                AccountEntity account = (AccountEntity) rows.get(0)[1];
                if (!account.enabled) {
                    throw CastPanelException.unauthenticated("account " + account.username + " is disabled");
                }
                if (session.impersonatorId != null) {
                    requireImpersonatorStill(em, session.impersonatorId, account);
                }
                return Accounts.callerOf(
                        em,
                        account,
                        session.impersonatorId,
                        origin,
                        Caller.Credential.SESSION,
                        session.id,
                        session.impersonatorId == null && twoFactorRequired(account) && !account.totpEnabled);
            });
        }
        if (bearer.startsWith(API_KEY_PREFIX)) {
            return store.write(em -> {
                List<Object[]> rows = em.createQuery(
                                "SELECT k, a FROM ApiKeyEntity k, AccountEntity a "
                                        + "WHERE k.keyHash = :h AND a.id = k.accountId",
                                Object[].class)
                        .setParameter("h", digest)
                        .getResultList();
                if (rows.isEmpty()) {
                    throw CastPanelException.unauthenticated("unknown or revoked API key");
                }
                ApiKeyEntity key = (ApiKeyEntity) rows.get(0)[0];
                AccountEntity account = (AccountEntity) rows.get(0)[1];
                if (key.expiresAt != null && key.expiresAt < now) {
                    throw CastPanelException.unauthenticated("this API key expired on "
                            + Instant.ofEpochMilli(key.expiresAt).truncatedTo(ChronoUnit.SECONDS));
                }
                if (!account.enabled) {
                    throw CastPanelException.unauthenticated("account " + account.username + " is disabled");
                }
                if (!account.apiAccess) {
                    throw CastPanelException.forbidden("API access is turned off for account " + account.username);
                }
                if (key.lastUsedAt == null || key.lastUsedAt < now - LAST_USED_RESOLUTION_MS) {
                    key.lastUsedAt = now;
                }
                return Accounts.callerOf(em, account, null, origin, Caller.Credential.API_KEY, null);
            });
        }
        throw CastPanelException.unauthenticated("not a CastPanel session token or API key");
    }

    /**
     * A "log in as" session lasts only while the one who opened it could open it now: enabled, and
     * still managing the account (an administrator, or a reseller above it).
     */
    private static void requireImpersonatorStill(EntityManager em, long impersonatorId, AccountEntity account) {
        AccountEntity impersonator = em.find(AccountEntity.class, impersonatorId);
        boolean still = impersonator != null
                && impersonator.enabled
                && ("ADMINISTRATOR".equals(impersonator.accountType)
                        || impersonator.resellerPlanId != null
                                && account.path.startsWith(impersonator.path)
                                && account.id != impersonator.id);
        if (!still) {
            throw CastPanelException.unauthenticated("the account that logged in as " + account.username
                    + " can no longer do so; this session has ended");
        }
    }

    @Override
    public void logout(String token) {
        if (token == null) {
            return;
        }
        store.write(em -> em.createQuery("DELETE FROM SessionEntity s WHERE s.tokenHash = :h")
                .setParameter("h", Secrets.sha256(token))
                .executeUpdate());
        events.publish(new PanelEvents.Event(AccountServiceImpl.AUTH_CHANGED, null, null));
    }

    // ---- two-factor authentication ----

    @Override
    public Session completeLogin(String challenge, String code, String origin) {
        long now = System.currentTimeMillis();
        long started = System.nanoTime();
        TwoFactorChallenges.Pending pending = challenges.find(challenge, now);
        if (pending == null) {
            throw CastPanelException.unauthenticated("this sign-in has expired or was not started; log in again");
        }
        long addressLock = LoginThrottle.SHARED.addressLockedUntil(origin, now);
        if (addressLock > 0 || LoginThrottle.SHARED.pairLockedUntil(pending.username(), origin, now) > 0) {
            challenges.close(challenge);
            throw locked(Math.max(addressLock, LoginThrottle.SHARED.pairLockedUntil(pending.username(), origin, now)));
        }
        String how = store.write(em -> {
            AccountEntity e = em.find(AccountEntity.class, pending.accountId());
            if (e == null || !e.totpEnabled || e.totpSecret == null) {
                return null;
            }
            long step = Totp.verify(e.totpSecret, code, now, e.totpLastStep);
            // one statement: two logins racing with the same code cannot both win
            if (step >= 0
                    && em.createQuery("UPDATE AccountEntity a SET a.totpLastStep = :step WHERE a.id = :id "
                                            + "AND (a.totpLastStep IS NULL OR a.totpLastStep < :step)")
                                    .setParameter("step", step)
                                    .setParameter("id", e.id)
                                    .executeUpdate()
                            == 1) {
                return "two-factor code";
            }
            String recovery = code == null ? "" : code.strip().toLowerCase(java.util.Locale.ROOT);
            if (recovery.matches("[a-z2-7]{5}-[a-z2-7]{5}")
                    && em.createQuery(
                                            "UPDATE RecoveryCodeEntity r SET "
                                                    + "r.usedAt = :now WHERE r.accountId = :id AND r.codeHash = :h AND r.usedAt IS NULL")
                                    .setParameter("now", now)
                                    .setParameter("id", e.id)
                                    .setParameter("h", Secrets.sha256(recovery))
                                    .executeUpdate()
                            == 1) {
                Audit.write(
                        store,
                        em,
                        Accounts.callerOf(em, e, null, origin),
                        "auth.recovery-code-used",
                        "account",
                        e.id,
                        e.path,
                        null);
                return "recovery code";
            }
            return null;
        });
        if (how == null) {
            int failures = LoginThrottle.SHARED.failed(pending.username(), origin, now);
            boolean more = challenges.wrongCode(challenge);
            waitOut(started, failures);
            throw CastPanelException.unauthenticated(
                    more ? "wrong code; try the current one from your app" : "too many wrong codes; log in again");
        }
        challenges.close(challenge);
        LoginThrottle.SHARED.succeeded(pending.username(), origin);
        return openLoginSession(pending.accountId(), origin, now, how);
    }

    @Override
    public TwoFactorSetup beginTwoFactor(Caller caller, String currentPassword) {
        requireOwnSession(caller, "set up two-factor authentication");
        AccountEntity account = store.read(em -> em.find(AccountEntity.class, caller.accountId()));
        requirePassword(account, currentPassword);
        if (account.totpEnabled) {
            throw CastPanelException.conflict(
                    "two-factor authentication is already on; turn it off first to start over");
        }
        String secret = Totp.newSecret();
        store.write(em -> {
            em.createQuery("UPDATE AccountEntity a SET a.totpSecret = :s, a.totpLastStep = NULL WHERE a.id = :id")
                    .setParameter("s", secret)
                    .setParameter("id", account.id)
                    .executeUpdate();
            return null;
        });
        return new TwoFactorSetup(secret, Totp.uri("CastPanel", account.username, secret));
    }

    @Override
    public List<String> confirmTwoFactor(Caller caller, String code) {
        requireOwnSession(caller, "set up two-factor authentication");
        long now = System.currentTimeMillis();
        return store.write(em -> {
            AccountEntity e = em.find(AccountEntity.class, caller.accountId());
            if (e.totpEnabled) {
                throw CastPanelException.conflict("two-factor authentication is already on");
            }
            if (e.totpSecret == null) {
                throw CastPanelException.conflict("start the setup first (POST /me/two-factor)");
            }
            long step = Totp.verify(e.totpSecret, code, now, null);
            if (step < 0) {
                throw CastPanelException.invalid("code", "that is not the current code of your app; check its clock");
            }
            e.totpEnabled = true;
            e.totpLastStep = step;
            em.createQuery("DELETE FROM RecoveryCodeEntity r WHERE r.accountId = :id")
                    .setParameter("id", e.id)
                    .executeUpdate();
            List<String> codes = new java.util.ArrayList<>();
            for (int i = 0; i < RECOVERY_CODES; i++) {
                String recovery = recoveryCode();
                org.castpanel.persistence.RecoveryCodeEntity r = new org.castpanel.persistence.RecoveryCodeEntity();
                r.id = store.nextId("cp_recovery_code");
                r.accountId = e.id;
                r.codeHash = Secrets.sha256(recovery);
                em.persist(r);
                codes.add(recovery);
            }
            Audit.write(store, em, caller, "auth.two-factor-on", "account", e.id, e.path, null);
            return codes;
        });
    }

    @Override
    public void disableTwoFactor(Caller caller, String currentPassword) {
        requireOwnSession(caller, "turn off two-factor authentication");
        AccountEntity account = store.read(em -> em.find(AccountEntity.class, caller.accountId()));
        requirePassword(account, currentPassword);
        if (twoFactorRequired(account)) {
            throw CastPanelException.conflict("two-factor authentication is required for your role");
        }
        store.write(em -> {
            clearTwoFactor(em, account.id);
            Audit.write(store, em, caller, "auth.two-factor-off", "account", account.id, account.path, null);
            return null;
        });
    }

    @Override
    public void resetTwoFactor(Caller caller, long accountId) {
        store.write(em -> {
            AccountEntity target = Accounts.managed(em, caller, accountId, "reset two-factor authentication of");
            clearTwoFactor(em, target.id);
            AccountServiceImpl.revokeSessions(em, target.id);
            Audit.write(store, em, caller, "account.two-factor-reset", "account", target.id, target.path, null);
            return null;
        });
        events.publish(new PanelEvents.Event(AccountServiceImpl.AUTH_CHANGED, null, null));
    }

    private static void clearTwoFactor(EntityManager em, long accountId) {
        em.createQuery("UPDATE AccountEntity a SET a.totpEnabled = FALSE, a.totpSecret = NULL, a.totpLastStep = NULL "
                        + "WHERE a.id = :id")
                .setParameter("id", accountId)
                .executeUpdate();
        em.createQuery("DELETE FROM RecoveryCodeEntity r WHERE r.accountId = :id")
                .setParameter("id", accountId)
                .executeUpdate();
    }

    /** Whether the administrator's policy asks this account's role for two-factor authentication. */
    private boolean twoFactorRequired(AccountEntity account) {
        String roles = config.twoFactorRequiredFor().toLowerCase(java.util.Locale.ROOT);
        String role = "ADMINISTRATOR".equals(account.accountType)
                ? "administrators"
                : account.resellerPlanId != null ? "resellers" : "customers";
        return java.util.Arrays.stream(roles.split(",")).map(String::strip).anyMatch(role::equals);
    }

    private static void requireOwnSession(Caller caller, String what) {
        if (caller.credential() == Caller.Credential.API_KEY || caller.impersonatorId() != null) {
            throw CastPanelException.forbidden(
                    "to " + what + ", log in as yourself (not with an API key or as another account)");
        }
    }

    private void requirePassword(AccountEntity account, String currentPassword) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw CastPanelException.invalid("currentPassword", "give your current password");
        }
        if (!hasher.verify(currentPassword, account.passwordHash)) {
            throw CastPanelException.invalid("currentPassword", "the current password is not right");
        }
    }

    /** Ten Base32 letters in two groups ("k7x2m-qp4ta"): about 50 bits, typed from paper. */
    private static String recoveryCode() {
        String raw = Totp.newSecret().substring(0, 10).toLowerCase(java.util.Locale.ROOT);
        return raw.substring(0, 5) + "-" + raw.substring(5);
    }

    @Override
    public PasswordRules passwordRules() {
        return new PasswordRules(PasswordPolicy.minLength(config), Validation.MAX_PASSWORD, true);
    }

    @Override
    public Session impersonate(Caller caller, long accountId) {
        if (caller.impersonatorId() != null) {
            throw CastPanelException.forbidden(
                    "you are already logged in as another account; return to your own first");
        }
        return store.write(em -> {
            AccountEntity target = Accounts.managed(em, caller, accountId, "log in as");
            if (!target.enabled) {
                throw CastPanelException.conflict("account " + target.username + " is disabled");
            }
            Session session = openSession(
                    em,
                    target,
                    caller.accountId(),
                    caller.origin(),
                    Math.min(config.impersonationMinutes(), config.sessionMinutes()));
            Audit.write(
                    store,
                    em,
                    caller,
                    "account.impersonate",
                    "account",
                    target.id,
                    target.path,
                    caller.username() + " logged in as " + target.username);
            return session;
        });
    }

    @Override
    public ApiKey createApiKey(Caller caller, long accountId, String label, Instant expiresAt) {
        String cleanLabel = label == null || label.isBlank() ? "API key" : Validation.text("label", label.strip(), 100);
        if (caller.credential() == Caller.Credential.API_KEY) {
            throw CastPanelException.forbidden("an API key cannot create API keys; log in to create one");
        }
        if (caller.impersonatorId() != null) {
            throw CastPanelException.forbidden("API keys cannot be created while logged in as another account");
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw CastPanelException.invalid("expiresAt", "an API key must expire in the future");
        }
        return store.write(em -> {
            AccountEntity account = ownOrManaged(em, caller, accountId);
            String secret = Secrets.token(API_KEY_PREFIX);
            ApiKeyEntity key = new ApiKeyEntity();
            key.id = store.nextId("cp_api_key");
            key.accountId = account.id;
            key.keyHash = Secrets.sha256(secret);
            key.label = cleanLabel;
            key.prefix = secret.substring(0, 12);
            key.createdAt = System.currentTimeMillis();
            key.expiresAt = expiresAt == null ? null : expiresAt.toEpochMilli();
            em.persist(key);
            Audit.write(
                    store,
                    em,
                    caller,
                    "apikey.create",
                    "account",
                    account.id,
                    account.path,
                    "key " + key.prefix + "… '" + cleanLabel + "'");
            return toApiKey(key, secret);
        });
    }

    @Override
    public List<ApiKey> listApiKeys(Caller caller, long accountId) {
        return store.read(em -> {
            AccountEntity account = ownOrManaged(em, caller, accountId);
            return em
                    .createQuery(
                            "SELECT k FROM ApiKeyEntity k WHERE k.accountId = :id ORDER BY k.id", ApiKeyEntity.class)
                    .setParameter("id", account.id)
                    .getResultList()
                    .stream()
                    .map(k -> toApiKey(k, null))
                    .toList();
        });
    }

    @Override
    public void revokeApiKey(Caller caller, long accountId, long keyId) {
        store.write(em -> {
            AccountEntity account = ownOrManaged(em, caller, accountId);
            ApiKeyEntity key = em.find(ApiKeyEntity.class, keyId);
            if (key == null || key.accountId != account.id) {
                throw CastPanelException.notFound("API key", keyId);
            }
            em.remove(key);
            Audit.write(
                    store, em, caller, "apikey.revoke", "account", account.id, account.path, "key " + key.prefix + "…");
            return null;
        });
    }

    private static AccountEntity ownOrManaged(EntityManager em, Caller caller, long accountId) {
        AccountEntity account = Accounts.visible(em, caller, accountId);
        if (account.id != caller.accountId() && !Accounts.manages(caller, account)) {
            throw CastPanelException.forbidden("you cannot manage the API keys of this account");
        }
        return account;
    }

    private static ApiKey toApiKey(ApiKeyEntity k, String secret) {
        return new ApiKey(
                k.id,
                k.accountId,
                k.label,
                k.prefix,
                secret,
                Instant.ofEpochMilli(k.createdAt),
                k.lastUsedAt == null ? null : Instant.ofEpochMilli(k.lastUsedAt),
                k.expiresAt == null ? null : Instant.ofEpochMilli(k.expiresAt));
    }
}
