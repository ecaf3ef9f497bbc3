/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.shoutcast.internal;

/**
 * The DNAS reports no byte counters, so the data sent is estimated from what it does report: the
 * listeners of each stream times its bitrate, over the time between two readings. A running total
 * for the service that only grows (starting again at zero with a new handler, which the collector
 * reads as a restarted counter).
 */
final class TransferEstimate {

    private long lastNanos = -1;
    private double bytes;

    /** Adds {@code listenerKbps} (the sum over streams of listeners × kbit/s) since the last reading. */
    synchronized long add(long listenerKbps, long nanoTime) {
        if (lastNanos >= 0 && nanoTime > lastNanos) {
            bytes += listenerKbps * 1000.0 / 8.0 * ((nanoTime - lastNanos) / 1e9);
        }
        lastNanos = nanoTime;
        return (long) bytes;
    }
}
