/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.api;

/**
 * How an account stands in the hierarchy, derived from its type, plan and parent: what list rows
 * show ("Reseller", "Reseller sub-account", "Customer").
 */
public enum AccountKind {
    ADMINISTRATOR,
    /** Has a reseller plan: creates customers (and sub-resellers if the plan allows). */
    RESELLER,
    /** A customer owned by a reseller. */
    RESELLER_SUBACCOUNT,
    /** A customer owned directly by an administrator. */
    CUSTOMER
}
