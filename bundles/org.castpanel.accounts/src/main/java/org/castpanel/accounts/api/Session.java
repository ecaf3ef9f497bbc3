/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.api;

import java.time.Instant;

/**
 * A logged-in session: the bearer token (only ever shown here) and whom it acts as. When the
 * account has two-factor authentication on, the password alone opens no session: the answer then
 * has no token and no account, only a {@code challenge} to complete with a code from the
 * authenticator app (or a recovery code) within {@code expiresAt}.
 */
public record Session(String token, Instant expiresAt, Account account, Long impersonatorId, String challenge) {

    public Session(String token, Instant expiresAt, Account account, Long impersonatorId) {
        this(token, expiresAt, account, impersonatorId, null);
    }
}
