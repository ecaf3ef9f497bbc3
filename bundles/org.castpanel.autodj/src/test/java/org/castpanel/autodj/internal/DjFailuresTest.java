/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DjFailuresTest {

    @Test
    void anAddressIsRefusedAfterItsFailuresUntilTheWindowPasses() {
        DjFailures failures = new DjFailures(3, 60_000, 1_000);
        for (int i = 0; i < 3; i++) {
            assertFalse(failures.locked(7, "10.0.0.1", 1_000));
            failures.failed(7, "10.0.0.1", 1_000);
        }
        assertTrue(failures.locked(7, "10.0.0.1", 2_000));
        assertFalse(failures.locked(8, "10.0.0.1", 2_000), "another station");
        assertFalse(failures.locked(7, "10.0.0.2", 2_000), "another address");
        assertFalse(failures.locked(7, "10.0.0.1", 61_000), "the window passed");
        failures.failed(7, "10.0.0.3", 1_000);
        failures.succeeded(7, "10.0.0.3");
        failures.failed(7, "10.0.0.3", 1_000);
        failures.failed(7, "10.0.0.3", 1_000);
        assertFalse(failures.locked(7, "10.0.0.3", 1_000), "a success starts the count again");
    }

    @Test
    void aFloodFromManyAddressesKeepsTheTableBounded() {
        DjFailures failures = new DjFailures(3, 60_000, 1_000);
        for (int i = 0; i < 3; i++) {
            failures.failed(7, "10.0.0.1", 0);
        }
        for (int i = 0; i < 50_000; i++) {
            failures.failed(7, "address-" + i, 1_000);
            assertTrue(failures.size() <= 1_000, "entries: " + failures.size());
        }
        // the expired entries go first: a lock still in its window is kept while there is room
        DjFailures expiring = new DjFailures(3, 60_000, 10);
        for (int i = 0; i < 3; i++) {
            expiring.failed(7, "attacker", 100_000);
        }
        for (int i = 0; i < 9; i++) {
            expiring.failed(7, "old-" + i, 0);
        }
        expiring.failed(7, "new", 100_000);
        assertTrue(expiring.locked(7, "attacker", 100_001), "pruning dropped only expired entries");
    }
}
