/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

/** What a playlist is for; the kinds come in the order the AutoDJ consults them, last first. */
public enum PlaylistKind {
    /** General rotation: the music, chosen among the enabled rotation playlists by weight. */
    ROTATION,
    /**
     * Interval: jingles, station IDs, adverts, played between tracks every {@code everySongs}
     * songs of the rotation, every {@code everyMinutes} minutes or hourly at minute {@code
     * atMinute}; before the rotation when due.
     */
    INTERVAL,
    /**
     * Scheduled: a show with a start and an end, once or repeating (its {@link PlaylistSchedule}).
     * While it is on, its tracks play and nothing else but a queued or play-once track; listeners'
     * requests and interval playlists wait until it is over.
     */
    SCHEDULED,
    /**
     * Play once, next: when enabled, its tracks play one after the other (in library order) as soon
     * as the current track ends, then it switches itself off. Enable it again to play it again.
     */
    IMMEDIATE
}
