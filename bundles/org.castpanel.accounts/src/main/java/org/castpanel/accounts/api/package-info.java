/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The accounts area: accounts and their hierarchy, reseller plans, logins, sessions, API keys and
 * two-factor authentication. {@link org.castpanel.accounts.api.Tenancy} is what other areas of the
 * panel ask inside their own transactions (who may see an account, which plan governs it).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.castpanel.accounts.api;
