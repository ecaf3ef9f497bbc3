/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.api;

import java.time.Instant;

import org.castpanel.core.api.AccountType;

/** An account as callers see it. Never carries a password or its hash. */
public record Account(
        long id,
        String username,
        String name,
        String contactNumber,
        String email,
        AccountType type,
        AccountKind kind,
        boolean enabled,
        boolean apiAccess,
        boolean accessibility,
        boolean sendWelcomeEmail,
        String timezone,
        String language,
        Long resellerPlanId,
        Long parentId,
        Instant lockedUntil,
        Instant createdAt,
        Instant updatedAt,
        boolean twoFactorEnabled) {}
