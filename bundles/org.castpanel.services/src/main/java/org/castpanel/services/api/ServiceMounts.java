/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

import java.util.List;

import org.castpanel.core.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The extra mount points of media services whose engine has the mount-points capability. Whoever
 * sees a service manages its mounts; a service's {@code mountPoints} limit counts its main mount
 * too. A change to a running service reloads it through the queue. Blocking (database).
 */
@ProviderType
public interface ServiceMounts {

    List<ServiceMount> list(Caller caller, long serviceId);

    ServiceMount create(Caller caller, long serviceId, MountInput mount);

    ServiceMount update(Caller caller, long serviceId, long mountId, MountInput mount);

    void delete(Caller caller, long serviceId, long mountId);
}
