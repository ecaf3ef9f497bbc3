/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CountCacheTest {

    @Test
    void countsOnceUntilAWriteInvalidates() {
        CountCache cache = new CountCache();
        AtomicInteger counted = new AtomicInteger();
        assertEquals(7, cache.count("k", () -> 7 + 0 * counted.incrementAndGet()));
        assertEquals(7, cache.count("k", () -> 8 + 0 * counted.incrementAndGet()));
        assertEquals(1, counted.get(), "the second ask was answered from the cache");
        assertEquals(9, cache.count("other", () -> 9 + 0 * counted.incrementAndGet()));
        cache.invalidate();
        assertEquals(8, cache.count("k", () -> 8 + 0 * counted.incrementAndGet()));
        assertEquals(3, counted.get());
    }
}
