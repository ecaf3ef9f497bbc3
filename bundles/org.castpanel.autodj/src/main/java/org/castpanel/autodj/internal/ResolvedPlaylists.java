/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

/**
 * Playlists' tracks as last resolved from the library, kept until the playlist's entries or the
 * owner's library change: the next-track choice reads them at every track, and a folder of 50,000
 * files costs more to read than everything else the choice does. Playlists with the same entries
 * of the same owner share one list (thirty stations of one library hold it once). Bounded by the
 * number of tracks held, least recently used dropped first.
 */
final class ResolvedPlaylists {

    /** The tracks of one list of entries, and the library's count of changes they were resolved at. */
    private record Resolved(long libraryChanges, List<TrackPicker.Candidate> tracks) {}

    private final long mostTracks;
    private final Map<String, Resolved> byEntries = new LinkedHashMap<>(16, 0.75f, true);
    private long tracksHeld;

    ResolvedPlaylists(long mostTracks) {
        this.mostTracks = mostTracks;
    }

    /**
     * The tracks of {@code entries} (a playlist's entries column) in the owner's library.
     * {@code libraryChanges} is the library's count of changes, read before this call: a change
     * committed meanwhile leaves what is resolved now behind the next count.
     */
    List<TrackPicker.Candidate> tracks(EntityManager em, long ownerId, String entries, long libraryChanges) {
        String key = ownerId + "\n" + entries;
        synchronized (this) {
            Resolved known = byEntries.get(key);
            if (known != null && known.libraryChanges() == libraryChanges) {
                return known.tracks();
            }
        }
        List<TrackPicker.Candidate> tracks =
                new TrackPicker.TrackList(AutoDjImpl.resolve(em, ownerId, AutoDjImpl.read(entries)));
        synchronized (this) {
            Resolved replaced = byEntries.put(key, new Resolved(libraryChanges, tracks));
            tracksHeld +=
                    tracks.size() - (replaced == null ? 0 : replaced.tracks().size());
            Iterator<Map.Entry<String, Resolved>> oldest = byEntries.entrySet().iterator();
            while (tracksHeld > mostTracks && oldest.hasNext()) {
                Map.Entry<String, Resolved> dropped = oldest.next();
                if (!dropped.getKey().equals(key)) {
                    tracksHeld -= dropped.getValue().tracks().size();
                    oldest.remove();
                }
            }
        }
        return tracks;
    }

    /** Forgets everything: a chosen track turned out to be gone. */
    synchronized void clear() {
        byEntries.clear();
        tracksHeld = 0;
    }

    synchronized int lists() {
        return byEntries.size();
    }
}
