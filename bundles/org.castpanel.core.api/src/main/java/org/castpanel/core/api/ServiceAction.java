/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.core.api;

import java.time.Instant;

/** One queued action and its outcome. */
public record ServiceAction(
        long id,
        long serviceId,
        ActionType action,
        ActionStatus status,
        int attempts,
        String message,
        Long requestedBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {}
