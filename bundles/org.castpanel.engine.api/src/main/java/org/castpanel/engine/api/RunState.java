/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

/** What a probe found: the service runs, is stopped, failed (with a detail), or cannot be told. */
public enum RunState {
    RUNNING,
    STOPPED,
    FAILED,
    UNKNOWN
}
