/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import java.time.Instant;
import java.util.List;

/**
 * One playlist of an AutoDJ service. {@code weight} (1-100) is how often a general-rotation
 * playlist is chosen relative to the others; an interval playlist plays every {@code everySongs}
 * songs, every {@code everyMinutes} minutes, or once an hour at minute {@code atMinute} (the first
 * track end from then on, in the panel's time zone; the other two are null); {@code crossfadeSeconds} overrides the station's
 * crossfade for its tracks (null: the station's); a scheduled playlist has its {@code schedule}
 * (null for the other kinds).
 */
public record Playlist(
        long id,
        long serviceId,
        String name,
        PlaylistKind kind,
        boolean enabled,
        int weight,
        Integer everySongs,
        Integer everyMinutes,
        PlayOrder order,
        List<PlaylistEntry> entries,
        Double crossfadeSeconds,
        int playableTracks,
        Instant createdAt,
        Instant updatedAt,
        Integer atMinute,
        PlaylistSchedule schedule) {

    /** A playlist that is not scheduled. */
    public Playlist(
            long id,
            long serviceId,
            String name,
            PlaylistKind kind,
            boolean enabled,
            int weight,
            Integer everySongs,
            Integer everyMinutes,
            PlayOrder order,
            List<PlaylistEntry> entries,
            Double crossfadeSeconds,
            int playableTracks,
            Instant createdAt,
            Instant updatedAt,
            Integer atMinute) {
        this(
                id,
                serviceId,
                name,
                kind,
                enabled,
                weight,
                everySongs,
                everyMinutes,
                order,
                entries,
                crossfadeSeconds,
                playableTracks,
                createdAt,
                updatedAt,
                atMinute,
                null);
    }
}
