/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.api;

import org.castpanel.core.api.AccountType;

/**
 * What a caller supplies to create an account. Null means "the default": enabled, API access on,
 * account type customer, no plan, the caller as parent, the system timezone and language.
 */
public record NewAccount(
        String username,
        String password,
        String name,
        String contactNumber,
        String email,
        AccountType type,
        Boolean enabled,
        Boolean apiAccess,
        Boolean accessibility,
        Boolean sendWelcomeEmail,
        String timezone,
        String language,
        Long resellerPlanId,
        Long parentId) {}
