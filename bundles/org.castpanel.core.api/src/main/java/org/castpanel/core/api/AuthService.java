package org.castpanel.core.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Logins, sessions, API keys and impersonation. Passwords are checked with a slow hash, once per
 * login; session tokens and API keys are long random secrets looked up by a SHA-256 digest, so
 * {@link #authenticate} is cheap enough for every request. Repeated failed logins are slowed
 * down and then lock the account for a while. Blocking (database).
 */
@ProviderType
public interface AuthService {

    /** Opens a session, or fails with UNAUTHENTICATED (bad credentials, disabled) or LOCKED. */
    Session login(String username, String password, String origin);

    /**
     * Resolves a bearer credential (a session token or an API key) to the caller it stands for.
     * API keys of accounts with API access off, and credentials of disabled accounts, are refused.
     */
    Caller authenticate(String bearer, String origin);

    void logout(String token);

    /** The rules new passwords are checked against (public: the login and profile forms show them). */
    PasswordRules passwordRules();

    /**
     * Opens a short session (an hour by default) as another account in the caller's subtree;
     * audited. Every request on it checks the impersonator again: disabled, or no longer managing
     * the account, ends it.
     */
    Session impersonate(Caller caller, long accountId);

    /**
     * Mints an API key; only from a login session of one's own (a key cannot mint keys, nor can
     * someone logged in as the account). {@code expiresAt} null: the key does not expire.
     */
    ApiKey createApiKey(Caller caller, long accountId, String label, java.time.Instant expiresAt);

    List<ApiKey> listApiKeys(Caller caller, long accountId);

    void revokeApiKey(Caller caller, long accountId, long keyId);
}
