/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logins waiting for their second step: the password was right, a code from the authenticator app
 * is still due. A challenge lives five minutes and takes five wrong codes; it is kept in memory by
 * its SHA-256 (the node that checked the password answers the second step: the web UI and API
 * clients talk to one panel).
 */
final class TwoFactorChallenges {

    static final String PREFIX = "cpc_";
    static final long LIFETIME_MS = 5 * 60_000L;
    static final int MAX_WRONG_CODES = 5;
    private static final int MAX_PENDING = 10_000;

    /** One waiting login. */
    record Pending(long accountId, String username, long expiresAt, int wrongCodes) {}

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** A new challenge for the account; the caller gets the token, the map keeps its digest. */
    String open(long accountId, String username, long now) {
        if (pending.size() > MAX_PENDING) {
            pending.values().removeIf(p -> p.expiresAt() < now);
        }
        String token = Secrets.token(PREFIX);
        pending.put(Secrets.sha256(token), new Pending(accountId, username, now + LIFETIME_MS, 0));
        return token;
    }

    /** The waiting login of a challenge, or null when it is unknown, used up or expired. */
    Pending find(String token, long now) {
        if (token == null || !token.startsWith(PREFIX)) {
            return null;
        }
        Pending p = pending.get(Secrets.sha256(token));
        return p == null || p.expiresAt() < now ? null : p;
    }

    void close(String token) {
        pending.remove(Secrets.sha256(token));
    }

    /** Counts a wrong code; returns false when that was the last one allowed (the challenge is gone). */
    boolean wrongCode(String token) {
        Pending after = pending.computeIfPresent(
                Secrets.sha256(token),
                (k, p) -> p.wrongCodes() + 1 >= MAX_WRONG_CODES
                        ? null
                        : new Pending(p.accountId(), p.username(), p.expiresAt(), p.wrongCodes() + 1));
        return after != null;
    }
}
