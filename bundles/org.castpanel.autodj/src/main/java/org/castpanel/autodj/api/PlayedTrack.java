/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import java.time.Instant;

/**
 * A track of an AutoDJ service's history: the media file, its tags as they were when it played,
 * the playlist it came from (null when that is gone, or for a listener's request: {@code requested}),
 * when it was chosen and when it went on the air (null: chosen, not yet on the air); {@code queued}:
 * the station's owner queued it (then {@code requested} too).
 */
public record PlayedTrack(
        long fileId,
        String title,
        String artist,
        String album,
        String playlist,
        boolean requested,
        Instant chosenAt,
        Instant onAirAt,
        boolean queued) {

    /** A track of a playlist or a listener's request. */
    public PlayedTrack(
            long fileId,
            String title,
            String artist,
            String album,
            String playlist,
            boolean requested,
            Instant chosenAt,
            Instant onAirAt) {
        this(fileId, title, artist, album, playlist, requested, chosenAt, onAirAt, false);
    }
}
