/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.api;

import java.time.Instant;

/**
 * An API key of an account. {@code secret} is present only in the answer to its creation;
 * the panel stores a digest of it and cannot show it again. {@code expiresAt} is null for a key
 * that does not expire.
 */
public record ApiKey(
        long id,
        long accountId,
        String label,
        String prefix,
        String secret,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt) {}
