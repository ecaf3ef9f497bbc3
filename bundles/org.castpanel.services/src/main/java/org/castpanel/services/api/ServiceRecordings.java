/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

import java.nio.file.Path;
import java.util.List;

import org.castpanel.core.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Recordings of media services. Engines with the recording capability write finished recordings
 * into the service's {@code recordings/} folder; the core lists, serves and deletes them for
 * whoever sees the service, and they go with the service when it is deleted. Blocking.
 */
@ProviderType
public interface ServiceRecordings {

    /** Newest first. */
    List<Recording> list(Caller caller, long serviceId);

    /** The file of one recording, to send to the caller. */
    Path file(Caller caller, long serviceId, String name);

    void delete(Caller caller, long serviceId, String name);
}
