/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

import java.time.Instant;
import java.util.Map;

/**
 * A media service as callers see it. {@code desiredRunning} is what the owner asked for;
 * {@code state} what the panel last saw. Secret engine settings are left out of {@code config}.
 * {@code attachedTo}: for a source service, the server service it feeds (null for a server).
 */
public record MediaService(
        long id,
        long ownerId,
        String ownerUsername,
        String engineType,
        String node,
        String name,
        ServiceState state,
        String stateDetail,
        boolean desiredRunning,
        boolean suspended,
        boolean deleting,
        Integer maxListeners,
        Integer maxBitrateKbps,
        Long diskQuotaMb,
        Long dataTransferGb,
        Integer mountPoints,
        Map<String, Object> config,
        Long attachedTo,
        Instant createdAt,
        Instant updatedAt) {}
