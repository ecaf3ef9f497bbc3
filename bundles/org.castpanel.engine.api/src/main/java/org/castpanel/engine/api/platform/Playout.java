/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What an AutoDJ station plays, decided by the panel (bundle {@code org.castpanel.autodj}) from the
 * owner's media library and the station's playlists, so that repeat protection, history and now
 * playing are exact and live in Java, not in a generated script. A source engine plugin asks for
 * each next track when its daemon asks it (through {@link Callbacks}), reports the track that went
 * on air, and keeps a local fallback playlist from {@link #fallback} so the station plays on while
 * the panel cannot answer.
 */
@ProviderType
public interface Playout {

    /**
     * One track to play: its file (inside the owner's library), the tags to send to listeners, the
     * library's EBU R128 integrated loudness (null when not measured) and the crossfade its
     * playlist asks for (null: the station's own).
     */
    record Track(
            long id,
            Path file,
            String title,
            String artist,
            String album,
            Double loudnessLufs,
            Double crossfadeSeconds) {}

    /**
     * The next track of an AutoDJ service, chosen now and counted as played from now on for
     * repeat protection; empty when nothing is playable.
     */
    Optional<Track> next(long serviceId);

    /** The daemon put a track it was given by {@link #next} on the air (history, now playing). */
    void onAir(long serviceId, long trackId);

    /** Up to {@code max} playable tracks for the daemon's local fallback playlist. */
    List<Track> fallback(long serviceId, int max);

    /** Why the station cannot start (no playable track in an enabled playlist), or empty. */
    Optional<String> unplayable(long serviceId);
}
