/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.api;

import java.util.List;

import org.castpanel.core.api.Caller;
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

    /**
     * Checks a password for a protocol that has no sessions (SFTP), with the same slow-down and
     * lockout as {@link #login}: the caller it stands for, with {@link Caller.Credential#PASSWORD}.
     * Accounts with two-factor authentication are refused (a password alone is not enough for
     * them), as are disabled ones.
     */
    Caller verifyPassword(String username, String password, String origin);

    void logout(String token);

    /**
     * The second step of a login for an account with two-factor authentication: the challenge
     * from {@link #login} and a current code of the authenticator app, or one of the recovery
     * codes (each works once). Five wrong codes end the challenge; codes count as failed logins.
     */
    Session completeLogin(String challenge, String code, String origin);

    /** Starts setting up two-factor authentication for the caller itself (own session, current password). */
    TwoFactorSetup beginTwoFactor(Caller caller, String currentPassword);

    /** Turns two-factor authentication on with a code from the app; returns ten one-time recovery codes, shown once. */
    List<String> confirmTwoFactor(Caller caller, String code);

    /** Turns the caller's own two-factor authentication off (own session, current password), unless its role requires it. */
    void disableTwoFactor(Caller caller, String currentPassword);

    /** A manager turns off an account's two-factor authentication (a lost phone); its sessions end. */
    void resetTwoFactor(Caller caller, long accountId);

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
