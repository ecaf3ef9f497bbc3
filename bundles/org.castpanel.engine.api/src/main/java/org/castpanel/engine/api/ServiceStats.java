package org.castpanel.engine.api;

import java.time.Instant;

/** One statistics sample of a running service. */
public record ServiceStats(Instant at, int listeners, int peakListeners, long bytesOut, boolean sourceConnected,
        String nowPlaying) {
}
