/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.core.api;

import org.osgi.annotation.versioning.ProviderType;

/** Whether the panel's database answers now: for health checks, without reaching into persistence. */
@ProviderType
public interface DatabaseStatus {

    /** Asks the database a trivial question; false when it does not answer within the pool's timeout. */
    boolean reachable();
}
