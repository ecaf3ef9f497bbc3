package org.castpanel.engine.api;

import java.util.List;
import java.util.Set;

/**
 * What a plugin offers: an engine type id (lower case, stable: stored with every service),
 * its label, kind, role, capabilities, and the descriptions of its service-level and plan-level
 * settings. A source engine names the server engine types it can feed in {@code feeds}.
 */
public record EngineType(String id, String label, MediaKind kind, EngineRole role, Set<String> capabilities,
        List<ConfigField> serviceConfig, List<ConfigField> planConfig, Set<String> feeds) {

    public EngineType {
        if (id == null || !id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("engine type ids are lower-case identifiers: " + id);
        }
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
        serviceConfig = serviceConfig == null ? List.of() : List.copyOf(serviceConfig);
        planConfig = planConfig == null ? List.of() : List.copyOf(planConfig);
        feeds = feeds == null ? Set.of() : Set.copyOf(feeds);
    }

    /** A server engine type with no plan-level settings. */
    public static EngineType server(String id, String label, MediaKind kind, Set<String> capabilities,
            List<ConfigField> serviceConfig) {
        return new EngineType(id, label, kind, EngineRole.SERVER, capabilities, serviceConfig, List.of(), Set.of());
    }
}
