/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed DJ logins per station and address: after {@code most} failures within the window, that
 * address is refused at once. The table is bounded: a flood from many addresses first loses the
 * expired entries, then the whole table (as the panel's own login throttle does), never memory.
 */
final class DjFailures {

    private record Failures(int count, long since) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int most;
    private final long windowMillis;
    private final int maxEntries;

    DjFailures(int most, long windowMillis, int maxEntries) {
        this.most = most;
        this.windowMillis = windowMillis;
        this.maxEntries = maxEntries;
    }

    private static String key(long serviceId, String address) {
        return serviceId + "/" + address;
    }

    boolean locked(long serviceId, String address, long now) {
        Failures f = failures.get(key(serviceId, address));
        return f != null && now - f.since() < windowMillis && f.count() >= most;
    }

    void failed(long serviceId, String address, long now) {
        if (failures.size() >= maxEntries) {
            failures.values().removeIf(f -> now - f.since() >= windowMillis);
            if (failures.size() >= maxEntries) {
                failures.clear();
            }
        }
        failures.merge(
                key(serviceId, address),
                new Failures(1, now),
                (old, one) -> now - old.since() < windowMillis ? new Failures(old.count() + 1, old.since()) : one);
    }

    void succeeded(long serviceId, String address) {
        failures.remove(key(serviceId, address));
    }

    int size() {
        return failures.size();
    }
}
