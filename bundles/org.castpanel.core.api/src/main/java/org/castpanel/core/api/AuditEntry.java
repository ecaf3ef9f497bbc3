/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.core.api;

import java.time.Instant;

/** One change: who did what to which target, when and from where. */
public record AuditEntry(
        long id,
        Instant at,
        Long actorId,
        String actorUsername,
        Long impersonatorId,
        String action,
        String targetType,
        Long targetId,
        String detail,
        String origin) {}
