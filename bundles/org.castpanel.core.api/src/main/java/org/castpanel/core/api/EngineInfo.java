package org.castpanel.core.api;

import org.castpanel.engine.api.EngineType;

/**
 * An engine type as the panel knows it: its description from the plugin, the plugin's version,
 * whether administrators allow new services of it, whether its plugin is installed now, and how
 * many services use it.
 */
public record EngineInfo(EngineType type, String pluginVersion, boolean enabled, boolean available, long services) {
}
