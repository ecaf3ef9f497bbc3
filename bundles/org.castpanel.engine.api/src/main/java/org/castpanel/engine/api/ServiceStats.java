/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import java.time.Instant;
import java.util.Map;

/**
 * One statistics sample of a running service. {@code bytesOut} is a running total of the bytes
 * sent to listeners since the daemon started: it may fall back to zero when the daemon restarts,
 * and the collector counts a smaller value as a new run (monthly transfer is the sum of the
 * increases). {@code listenersPerMount} breaks the listeners down by mount point, for engines with
 * mount points (empty otherwise); it is live only, not stored. {@code listeners} counts connections
 * now; {@code uniqueListeners} the distinct listeners (addresses) among them, for engines that
 * report it (Shoutcast), null otherwise: the two are different figures and never added up.
 * {@code viewersByProtocol} breaks the connections down by how they watch or listen ("RTMP",
 * "HLS", "MPEG-DASH", …), for engines that serve several protocols (Wowza); empty otherwise, live only.
 */
public record ServiceStats(
        Instant at,
        int listeners,
        int peakListeners,
        long bytesOut,
        boolean sourceConnected,
        String nowPlaying,
        Map<String, Integer> listenersPerMount,
        Integer uniqueListeners,
        Map<String, Integer> viewersByProtocol) {

    public ServiceStats {
        listenersPerMount = listenersPerMount == null ? Map.of() : Map.copyOf(listenersPerMount);
        viewersByProtocol = viewersByProtocol == null ? Map.of() : Map.copyOf(viewersByProtocol);
    }

    /** A sample without a breakdown by protocol (the 1.4 constructor). */
    public ServiceStats(
            Instant at,
            int listeners,
            int peakListeners,
            long bytesOut,
            boolean sourceConnected,
            String nowPlaying,
            Map<String, Integer> listenersPerMount,
            Integer uniqueListeners) {
        this(
                at,
                listeners,
                peakListeners,
                bytesOut,
                sourceConnected,
                nowPlaying,
                listenersPerMount,
                uniqueListeners,
                null);
    }

    /** A sample without a count of unique listeners. */
    public ServiceStats(
            Instant at,
            int listeners,
            int peakListeners,
            long bytesOut,
            boolean sourceConnected,
            String nowPlaying,
            Map<String, Integer> listenersPerMount) {
        this(at, listeners, peakListeners, bytesOut, sourceConnected, nowPlaying, listenersPerMount, null, null);
    }

    /** A sample without a per-mount breakdown. */
    public ServiceStats(
            Instant at, int listeners, int peakListeners, long bytesOut, boolean sourceConnected, String nowPlaying) {
        this(at, listeners, peakListeners, bytesOut, sourceConnected, nowPlaying, Map.of(), null, null);
    }
}
