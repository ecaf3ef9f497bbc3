/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a handler knows about its media service. {@code config} holds the engine-specific
 * settings, already validated against the type's {@link ConfigField}s. {@code serviceDirectory}
 * belongs to this service alone (config files, logs, pid files); {@code contentDirectory} to the
 * owning customer and is shared by the customer's services (seed: content/user_{id}/).
 * {@code mounts} are the service's extra mount points (engines with mount points only).
 * {@code source} is set for a source service only: where and how it feeds the server service it is
 * attached to, as that server's handler answered (null otherwise).
 */
public record ServiceContext(
        long serviceId,
        long ownerId,
        String engineTypeId,
        String name,
        String node,
        ServiceLimits limits,
        Map<String, Object> config,
        Path serviceDirectory,
        Path contentDirectory,
        List<MountPoint> mounts,
        SourceEndpoint source) {

    public ServiceContext {
        config = config == null ? Map.of() : Map.copyOf(config);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
    }

    /** A context of a server service. */
    public ServiceContext(
            long serviceId,
            long ownerId,
            String engineTypeId,
            String name,
            String node,
            ServiceLimits limits,
            Map<String, Object> config,
            Path serviceDirectory,
            Path contentDirectory,
            List<MountPoint> mounts) {
        this(
                serviceId,
                ownerId,
                engineTypeId,
                name,
                node,
                limits,
                config,
                serviceDirectory,
                contentDirectory,
                mounts,
                null);
    }

    /** The same context, feeding {@code source}. */
    public ServiceContext withSource(SourceEndpoint source) {
        return new ServiceContext(
                serviceId,
                ownerId,
                engineTypeId,
                name,
                node,
                limits,
                config,
                serviceDirectory,
                contentDirectory,
                mounts,
                source);
    }

    /** A context without extra mount points. */
    public ServiceContext(
            long serviceId,
            long ownerId,
            String engineTypeId,
            String name,
            String node,
            ServiceLimits limits,
            Map<String, Object> config,
            Path serviceDirectory,
            Path contentDirectory) {
        this(
                serviceId,
                ownerId,
                engineTypeId,
                name,
                node,
                limits,
                config,
                serviceDirectory,
                contentDirectory,
                List.of());
    }

    /** The settings read by type: {@code settings().integer("keyGeneration", 1)}, never a cast. */
    public Settings settings() {
        return new Settings(config);
    }

    /**
     * The file or folder a {@link ConfigField.Type#PATH} setting names, inside the customer's
     * content directory; empty when the setting is not given. Symbolic links are followed as far
     * as the path exists: one that leads out of the content directory is refused.
     *
     * @throws IllegalArgumentException when the path leaves the content directory
     */
    public java.util.Optional<Path> contentPath(String setting) {
        java.util.Optional<String> relative = settings().text(setting);
        if (relative.isEmpty()) {
            return java.util.Optional.empty();
        }
        Path root = contentDirectory.toAbsolutePath().normalize();
        Path target = root.resolve(relative.get()).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException(setting + " leaves the content directory: " + relative.get());
        }
        try {
            Path realRoot = root.toRealPath();
            Path existing = target;
            while (existing != null && !java.nio.file.Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing != null && !existing.toRealPath().startsWith(realRoot)) {
                throw new IllegalArgumentException(
                        setting + " leads out of the content directory through a link: " + relative.get());
            }
        } catch (java.io.IOException e) {
            // a dangling link: its target is not there to check, and nothing can be read through it
            throw new IllegalArgumentException(
                    setting + " cannot be resolved inside the content directory: " + relative.get(), e);
        }
        return java.util.Optional.of(target);
    }
}
