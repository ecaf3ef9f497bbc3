/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.core.api;

/** What the queue can be asked to do to a service. */
public enum ActionType {
    START,
    STOP,
    RESTART,
    RELOAD,
    DELETE
}
