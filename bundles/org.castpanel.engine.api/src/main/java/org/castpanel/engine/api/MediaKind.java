/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

/** Whether an engine streams audio (radio) or video. */
public enum MediaKind {
    AUDIO,
    VIDEO
}
