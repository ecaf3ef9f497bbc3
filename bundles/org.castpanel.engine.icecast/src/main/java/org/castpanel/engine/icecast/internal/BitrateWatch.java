/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.icecast.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Measures each live source's bitrate from the bytes icecast says it read. Icecast updates that
 * counter only every few seconds, so a rate is taken between two moments the counter was seen to
 * change, at least {@link #WINDOW_NANOS} apart: the error is then one polling interval, not one
 * update interval. Encoders rarely announce a bitrate (ffmpeg does not), which is why this measures.
 */
final class BitrateWatch {

    /** VBR peaks and the counter's steps must not cut an honest source. */
    static final double TOLERANCE = 1.25;

    static final long WINDOW_NANOS = 10_000_000_000L;

    private static final class Track {
        final String streamStart;
        long lastBytes;
        long baselineBytes = -1;
        long baselineAt;

        Track(String streamStart, long bytes) {
            this.streamStart = streamStart;
            this.lastBytes = bytes;
        }
    }

    private final Map<String, Track> tracks = new HashMap<>();

    /**
     * Records a reading of a mount's source; answers its bitrate in kbit/s when a new window
     * closed. A new stream start or a counter that went down begins a new track.
     */
    synchronized OptionalDouble observe(String mount, String streamStart, long bytesRead, long nanoTime) {
        Track track = tracks.get(mount);
        if (track == null
                || !String.valueOf(track.streamStart).equals(String.valueOf(streamStart))
                || bytesRead < track.lastBytes) {
            tracks.put(mount, new Track(streamStart, bytesRead));
            return OptionalDouble.empty();
        }
        if (bytesRead == track.lastBytes) {
            return OptionalDouble.empty();
        }
        track.lastBytes = bytesRead;
        if (track.baselineBytes < 0) {
            track.baselineBytes = bytesRead;
            track.baselineAt = nanoTime;
            return OptionalDouble.empty();
        }
        long elapsed = nanoTime - track.baselineAt;
        if (elapsed < WINDOW_NANOS) {
            return OptionalDouble.empty();
        }
        double kbps = (bytesRead - track.baselineBytes) * 8.0 / 1000.0 / (elapsed / 1e9);
        track.baselineBytes = bytesRead;
        track.baselineAt = nanoTime;
        return OptionalDouble.of(kbps);
    }

    /** Mounts without a source any more (or cut) start over. */
    synchronized void retainOnly(Set<String> liveMounts) {
        tracks.keySet().retainAll(liveMounts);
    }

    synchronized void forget(String mount) {
        tracks.remove(mount);
    }
}
