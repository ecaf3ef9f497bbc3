/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final long NOW = 1_000_000_000L;

    private static LoginThrottle throttle() {
        LoginThrottle t = new LoginThrottle();
        t.configure(5, 20, 15);
        return t;
    }

    @Test
    void fiveFailuresLockThatAddressOutOfThatUsernameOnly() {
        LoginThrottle t = throttle();
        for (int i = 1; i <= 4; i++) {
            assertEquals(i, t.failed("Admin", "198.51.100.7", NOW));
            assertEquals(0, t.pairLockedUntil("admin", "198.51.100.7", NOW));
        }
        t.failed("admin", "198.51.100.7", NOW);
        assertEquals(NOW + 15 * 60_000L, t.pairLockedUntil("ADMIN", "198.51.100.7", NOW));
        assertEquals(
                0, t.pairLockedUntil("admin", "203.0.113.9", NOW), "the administrator elsewhere is not locked out");
        assertEquals(NOW + 15 * 60_000L, t.lockedUntil("admin", NOW), "the account shows that someone is locked out");
        assertEquals(0, t.pairLockedUntil("admin", "198.51.100.7", NOW + 15 * 60_000L + 1), "the lock runs out");
        t.forget("admin");
        assertEquals(0, t.lockedUntil("admin", NOW), "a password reset clears it");
    }

    @Test
    void anAddressTryingManyUsernamesIsLockedOutOfEveryLogin() {
        LoginThrottle t = throttle();
        for (int i = 0; i < 19; i++) {
            t.failed("user" + i, "198.51.100.8", NOW);
        }
        assertEquals(0, t.addressLockedUntil("198.51.100.8", NOW));
        t.failed("user0", "198.51.100.8", NOW);
        assertEquals(0, t.addressLockedUntil("198.51.100.8", NOW), "the same username again is not a new one");
        t.failed("user19", "198.51.100.8", NOW);
        assertTrue(t.addressLockedUntil("198.51.100.8", NOW) > NOW);
        assertEquals(0, t.addressLockedUntil("198.51.100.9", NOW));
    }

    @Test
    void parallelFailuresAreAllCounted() throws InterruptedException {
        LoginThrottle t = new LoginThrottle();
        t.configure(1000, 20, 15);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (int i = 0; i < 800; i++) {
            pool.execute(() -> t.failed("victim", "198.51.100.10", NOW));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(801, t.failed("victim", "198.51.100.10", NOW));
    }
}
