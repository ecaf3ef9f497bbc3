/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.api;

/**
 * The customer overview: the account, its service counts and, for a reseller, its plan usage
 * (null otherwise).
 */
public record AccountOverview(
        Account account, long activeServices, long suspendedServices, long subAccounts, PlanUsage resellerUsage) {}
