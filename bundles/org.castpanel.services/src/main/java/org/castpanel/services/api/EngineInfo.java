/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

import org.castpanel.engine.api.EngineType;

/**
 * An engine type as the panel knows it: its description from the plugin, the plugin's version,
 * whether administrators allow new services of it, whether its plugin is installed now, and how
 * many services use it, and what keeps it from running services here ({@code problem}: a binary
 * not installed; null when nothing does). The version, the count and the problem are for
 * administrators: {@link #forTenant()} is what everyone else is shown.
 */
public record EngineInfo(
        EngineType type, String pluginVersion, boolean enabled, boolean available, long services, String problem) {

    /** The same without the plugin's version and the platform-wide count of services. */
    public EngineInfo forTenant() {
        return new EngineInfo(type, null, enabled, available, 0, null);
    }
}
