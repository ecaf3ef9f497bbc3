/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.api;

import java.util.Optional;

import org.castpanel.core.api.AccountType;

/**
 * A partial update of an account. A null field is left unchanged; for the fields that may be
 * cleared, {@code Optional.empty()} clears them. Changing one's own {@code password} needs
 * {@code currentPassword} and a login session of one's own.
 */
public record AccountChanges(
        String name,
        Optional<String> contactNumber,
        Optional<String> email,
        AccountType type,
        Boolean enabled,
        Boolean apiAccess,
        Boolean accessibility,
        Boolean sendWelcomeEmail,
        String timezone,
        String language,
        Optional<Long> resellerPlanId,
        String password,
        String currentPassword) {

    /** A change that touches nothing; handy as a starting point in code and tests. */
    public static AccountChanges none() {
        return new AccountChanges(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
