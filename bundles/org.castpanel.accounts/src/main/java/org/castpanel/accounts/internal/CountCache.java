/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Remembers list totals ("how many accounts match") between writes. Counting a reseller's
 * subtree reads every row of it, which costs more than the page itself; the answer only changes
 * when an account changes, so every account write bumps a generation and stale totals are
 * recounted. A short time-to-live bounds staleness from writes this process does not see (a
 * second panel node on the same database).
 */
final class CountCache {

    private static final long TTL_NANOS = 5_000_000_000L;
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(long generation, long countedAt, long count) {}

    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Call after every committed change that can alter which accounts a list matches. */
    void invalidate() {
        generation.incrementAndGet();
    }

    long count(String key, LongSupplier counter) {
        long now = System.nanoTime();
        long current = generation.get();
        Entry entry = entries.get(key);
        if (entry != null && entry.generation() == current && now - entry.countedAt() < TTL_NANOS) {
            return entry.count();
        }
        long count = counter.getAsLong();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(current, now, count));
        return count;
    }
}
