/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

import java.util.Map;

/**
 * What a caller supplies to create a media service. {@code ownerId} null means the caller itself;
 * {@code useAsDefault} remembers the type as the caller's default for the next one.
 * {@code attachedTo} is required for a source type (an AutoDJ): the server service of the same
 * owner it feeds; it must be null for a server type.
 */
public record NewMediaService(
        Long ownerId,
        String engineType,
        String name,
        Integer maxListeners,
        Integer maxBitrateKbps,
        Long diskQuotaMb,
        Long dataTransferGb,
        Integer mountPoints,
        Map<String, Object> config,
        Boolean useAsDefault,
        Long attachedTo) {}
