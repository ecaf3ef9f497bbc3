/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The kernel every area of the panel shares: who is calling ({@link org.castpanel.core.api.Caller},
 * {@link org.castpanel.core.api.AccountType}), the error type the REST layer maps to status codes,
 * paging and input validation, the audit log, the live event bus and the action types the queue
 * stores. The areas have their own API packages: {@code org.castpanel.accounts.api},
 * {@code org.castpanel.services.api}, {@code org.castpanel.queue.api}.
 */
@org.osgi.annotation.versioning.Version("2.1.0")
package org.castpanel.core.api;
