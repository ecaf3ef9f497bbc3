/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api.platform;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where services and customers keep files on this node: {@code services/service_{id}/} for a
 * service's own configuration, logs and pid files, and {@code content/user_{id}/} for a customer's
 * media (shared by all of that customer's services). Both are created on first ask.
 */
@ProviderType
public interface ServiceDirectories {

    Path serviceDirectory(long serviceId);

    Path contentDirectory(long ownerId);

    /**
     * {@code engines/{engineId}/}: a plugin's own files that belong to no single service, such as
     * the config, logs and pid of a daemon the plugin shares between services.
     */
    Path engineDirectory(String engineId);

    /** Removes a service's directory and everything in it (the core calls this after deprovisioning). */
    void deleteServiceDirectory(long serviceId);
}
