/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.core.api;

/** An action's progress through the queue. */
public enum ActionStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED
}
