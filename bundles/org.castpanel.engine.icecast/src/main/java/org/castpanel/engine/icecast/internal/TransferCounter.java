/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.icecast.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns icecast's per-source byte counters, which restart whenever a source reconnects and vanish
 * when it leaves, into one counter for the service that only grows. The first reading is a
 * baseline: bytes sent before this handler existed were counted by its predecessor.
 */
final class TransferCounter {

    private final Map<String, Long> lastSent = new HashMap<>();
    private boolean baselined;
    private long total;

    /** Adds what each mount sent since the previous reading; answers the running total. */
    synchronized long add(Map<String, IcecastStats.Source> sources) {
        for (IcecastStats.Source source : sources.values()) {
            Long previous = lastSent.put(source.mount(), source.bytesSent());
            if (previous == null) {
                total += baselined ? source.bytesSent() : 0;
            } else {
                total += source.bytesSent() >= previous ? source.bytesSent() - previous : source.bytesSent();
            }
        }
        lastSent.keySet().retainAll(sources.keySet());
        baselined = true;
        return total;
    }
}
