/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

import java.time.Instant;

/** An extra mount point of a media service (the main mount is the service's {@code mount} setting). */
public record ServiceMount(
        long id,
        long serviceId,
        String name,
        Integer maxListeners,
        String fallbackMount,
        boolean hidden,
        String streamName,
        String description,
        String genre,
        Instant createdAt) {}
