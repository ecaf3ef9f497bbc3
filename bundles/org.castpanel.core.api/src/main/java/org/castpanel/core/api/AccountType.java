/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.core.api;

/** The user level of an account: an administrator sees and manages everything, a customer its own subtree. */
public enum AccountType {
    ADMINISTRATOR,
    CUSTOMER
}
