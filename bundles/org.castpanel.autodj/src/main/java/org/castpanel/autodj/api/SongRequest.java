/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import java.time.Instant;

/**
 * A listener's request, or a track the station's owner queued ({@code queued}): the track, when it
 * was asked for, and when the AutoDJ chose it (null: waiting).
 */
public record SongRequest(
        long id,
        long serviceId,
        long trackId,
        String title,
        String artist,
        Instant requestedAt,
        Instant chosenAt,
        boolean queued) {

    /** A listener's request. */
    public SongRequest(
            long id, long serviceId, long trackId, String title, String artist, Instant requestedAt, Instant chosenAt) {
        this(id, serviceId, trackId, title, artist, requestedAt, chosenAt, false);
    }
}
