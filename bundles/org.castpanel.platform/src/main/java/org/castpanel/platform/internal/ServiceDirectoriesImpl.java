/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.castpanel.engine.api.platform.ConfigFiles;
import org.castpanel.engine.api.platform.ServiceDirectories;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

@Component(service = ServiceDirectories.class, configurationPid = PlatformConfig.PID)
public class ServiceDirectoriesImpl implements ServiceDirectories {

    private volatile Path root;

    @Activate
    public ServiceDirectoriesImpl(final PlatformConfig config) {
        modified(config);
    }

    @Modified
    void modified(PlatformConfig config) {
        root = config.storageRoot().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "castpanel")
                : Path.of(config.storageRoot());
    }

    @Override
    public Path serviceDirectory(long serviceId) {
        return create(root.resolve("services").resolve("service_" + serviceId));
    }

    @Override
    public Path contentDirectory(long ownerId) {
        return create(root.resolve("content").resolve("user_" + ownerId));
    }

    @Override
    public Path engineDirectory(String engineId) {
        if (!engineId.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("engine ids are lower-case identifiers: " + engineId);
        }
        return create(root.resolve("engines").resolve(engineId));
    }

    @Override
    public void deleteServiceDirectory(long serviceId) {
        try {
            ConfigFiles.deleteTree(root.resolve("services").resolve("service_" + serviceId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path create(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
