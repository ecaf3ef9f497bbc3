package org.castpanel.engine.api;

import java.time.Instant;
import java.util.Map;

/**
 * One statistics sample of a running service. {@code listenersPerMount} breaks the listeners down
 * by mount point, for engines with mount points (empty otherwise); it is live only, not stored.
 */
public record ServiceStats(Instant at, int listeners, int peakListeners, long bytesOut, boolean sourceConnected,
        String nowPlaying, Map<String, Integer> listenersPerMount) {

    public ServiceStats {
        listenersPerMount = listenersPerMount == null ? Map.of() : Map.copyOf(listenersPerMount);
    }

    /** A sample without a per-mount breakdown. */
    public ServiceStats(Instant at, int listeners, int peakListeners, long bytesOut, boolean sourceConnected,
            String nowPlaying) {
        this(at, listeners, peakListeners, bytesOut, sourceConnected, nowPlaying, Map.of());
    }
}
