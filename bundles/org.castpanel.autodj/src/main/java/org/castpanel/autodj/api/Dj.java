/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import java.time.Instant;
import java.util.List;

/**
 * A live DJ account of an AutoDJ service: {@code username} and a password the panel generated
 * (shown once), {@code priority} (0-100; a higher one takes the air from a lower one), and with
 * {@code scheduledOnly} only within its weekly {@code slots}. {@code live}: on the air now.
 */
public record Dj(
        long id,
        long serviceId,
        String name,
        String username,
        int priority,
        boolean scheduledOnly,
        List<DjSlot> slots,
        boolean enabled,
        boolean live,
        Instant lastLiveAt,
        Instant createdAt) {}
