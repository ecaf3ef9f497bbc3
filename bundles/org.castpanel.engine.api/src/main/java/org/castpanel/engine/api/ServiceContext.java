package org.castpanel.engine.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a handler knows about its media service. {@code config} holds the engine-specific
 * settings, already validated against the type's {@link ConfigField}s. {@code serviceDirectory}
 * belongs to this service alone (config files, logs, pid files); {@code contentDirectory} to the
 * owning customer and is shared by the customer's services (seed: content/user_{id}/).
 */
public record ServiceContext(long serviceId, long ownerId, String engineTypeId, String name, String node,
        ServiceLimits limits, Map<String, Object> config, Path serviceDirectory, Path contentDirectory) {

    public ServiceContext {
        config = config == null ? Map.of() : Map.copyOf(config);
    }
}
