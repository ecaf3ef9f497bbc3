/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

/**
 * A remote media server to register, or the changes to one (null: unchanged). {@code password}
 * is write-only: stored encrypted, never shown; an empty string removes it.
 */
public record EngineServerInput(
        String engineType,
        String name,
        String url,
        String username,
        String password,
        String publicHost,
        Boolean enabled) {}
