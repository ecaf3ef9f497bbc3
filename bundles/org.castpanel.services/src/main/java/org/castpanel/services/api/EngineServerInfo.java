/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

import java.time.Instant;

/**
 * A registered remote media server as administrators see it: never its password, only whether
 * one is set. {@code health} is what its engine plugin last reported (UNKNOWN, HEALTHY, UNHEALTHY);
 * {@code services} how many services are placed on it.
 */
public record EngineServerInfo(
        long id,
        String engineType,
        String node,
        String name,
        String url,
        String username,
        boolean passwordSet,
        String publicHost,
        boolean enabled,
        String health,
        String healthDetail,
        Instant checkedAt,
        long services,
        Instant createdAt) {}
