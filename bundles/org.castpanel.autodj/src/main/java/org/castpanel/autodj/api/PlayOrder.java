/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

/** How a playlist picks among its tracks (always within repeat protection). */
public enum PlayOrder {
    /** any track, each time */
    RANDOM,
    /** each track once per cycle, in a random order */
    SHUFFLE,
    /** in library order (folder, then file name), from where it left off */
    SEQUENTIAL
}
