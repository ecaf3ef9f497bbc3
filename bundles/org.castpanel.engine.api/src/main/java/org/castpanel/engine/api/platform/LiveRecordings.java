/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api.platform;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Live shows kept in the station owner's media library (bundle {@code org.castpanel.autodj}). A
 * source engine that records its live input, when the service says so, hands each finished
 * recording over; the panel decides where it goes and whether the disk quota has room.
 */
@ProviderType
public interface LiveRecordings {

    /**
     * A live show's recording is complete: {@code file}, an MP3 in the service's own directory.
     * The panel moves it into the owner's media library (its {@code live-recordings} folder, named
     * by the date, time and DJ) when the disk quota has room for it, and deletes it otherwise.
     * Blocking (the library indexes it); call it off the daemon's callback thread.
     *
     * @return what happened, for the service's history
     */
    String recorded(long serviceId, Path file);
}
