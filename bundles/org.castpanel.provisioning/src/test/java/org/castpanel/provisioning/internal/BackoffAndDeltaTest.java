/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The middle layer's arithmetic: transfer deltas across daemon restarts, and both back-offs. */
class BackoffAndDeltaTest {

    @Test
    void transferCountsIncreasesAndStartsAgainWhenTheDaemonsCounterFalls() {
        assertEquals(0, StatsCollector.transferred(null, 5_000_000), "the first sample counts nothing");
        assertEquals(1_000, StatsCollector.transferred(5_000_000L, 5_001_000));
        assertEquals(0, StatsCollector.transferred(5_001_000L, 5_001_000), "no traffic");
        assertEquals(700, StatsCollector.transferred(5_001_000L, 700), "restarted: the new total is all new");
        // a month of samples with one restart in the middle adds up to what was sent
        long[] totals = {0, 400, 900, 1_500, 200, 600};
        long sum = 0;
        Long previous = null;
        for (long total : totals) {
            sum += StatsCollector.transferred(previous, total);
            previous = total;
        }
        assertEquals(1_500 + 600, sum);
    }

    @Test
    void theReconcilerWaitsLongerAfterEachRestartUpToHalfAnHour() {
        assertEquals(
                List.of(60L, 120L, 240L, 480L, 960L, 1800L, 1800L, 1800L),
                IntStream.rangeClosed(1, 8)
                        .mapToObj(n -> Reconciler.pauseSeconds(n, 60))
                        .toList());
        assertEquals(60, Reconciler.pauseSeconds(0, 60), "never less than the base");
        assertEquals(
                List.of(1L, 2L, 4L),
                IntStream.rangeClosed(1, 3)
                        .mapToObj(n -> Reconciler.pauseSeconds(n, 1))
                        .toList());
        assertEquals(1800, Reconciler.pauseSeconds(1_000, 60), "no overflow after many restarts");
    }

    @Test
    void aRetryableFailureWaitsLongerEachAttemptUpToAMinute() {
        assertEquals(
                List.of(2L, 4L, 8L, 16L, 32L, 60L, 60L),
                IntStream.rangeClosed(1, 7).mapToObj(ActionRunner::retrySeconds).toList());
    }

    @Test
    void aDaemonsDirectoryNamesItsServiceUnlessItIsAnEnginesOwn() {
        assertEquals(
                java.util.Optional.of(42L), Reconciler.serviceOf(java.nio.file.Path.of("/srv/services/service_42")));
        assertEquals(
                java.util.Optional.empty(), Reconciler.serviceOf(java.nio.file.Path.of("/srv/engines/nginx-rtmp")));
        assertEquals(
                java.util.Optional.empty(), Reconciler.serviceOf(java.nio.file.Path.of("/srv/services/service_4x")));
    }
}
