/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import java.time.Instant;

/** One show of a scheduled playlist in a calendar: when it is on and whether it cuts in. */
public record ScheduledShow(
        long playlistId, String name, boolean enabled, Instant start, Instant end, boolean interruptible) {}
