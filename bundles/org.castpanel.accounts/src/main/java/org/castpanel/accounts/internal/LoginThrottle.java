/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins counted per username and source address, and per source address alone, so that
 * guessing is stopped where it comes from: five failures for one username from one address lock
 * that address out of that username (423), and failures for twenty different usernames from one
 * address lock the address out of every login (429). Another address logging in to the same account is not affected, so a
 * guesser cannot lock an administrator out from elsewhere; the account-wide lock (stored on the
 * account) needs several addresses. Unknown usernames are counted exactly like known ones.
 *
 * <p>
 * One per panel node, shared by this bundle's components (logins count, password resets and
 * account views read and clear): the counts are atomic per key and forgotten after the lock time.
 */
final class LoginThrottle {

    static final LoginThrottle SHARED = new LoginThrottle();

    /** Entries kept at most; beyond it, expired ones are dropped first, then the table is cleared. */
    private static final int MAX_ENTRIES = 100_000;

    private record Count(int failures, long lockedUntil, long lastFailure) {}

    /** The usernames an address failed on (at most the limit of them are kept). */
    private record Spray(java.util.Set<String> usernames, long lockedUntil, long lastFailure) {}

    /** username → address → count: an account view asks for one username's locks, never scans them all */
    private final Map<String, Map<String, Count>> pairs = new ConcurrentHashMap<>();

    private final Map<String, Spray> addresses = new ConcurrentHashMap<>();
    private volatile int pairLimit = 5;
    private volatile int addressLimit = 20;
    private volatile long lockMillis = 15 * 60_000L;

    void configure(int pairLimit, int addressLimit, int lockMinutes) {
        this.pairLimit = Math.max(1, pairLimit);
        this.addressLimit = Math.max(1, addressLimit);
        this.lockMillis = Math.max(1, lockMinutes) * 60_000L;
    }

    private static String user(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static String address(String address) {
        return address == null ? "" : address;
    }

    /** Until when this address is locked out of every login; 0 if it is not. */
    long addressLockedUntil(String address, long now) {
        Spray spray = addresses.get(address(address));
        return spray != null && spray.lockedUntil > now ? spray.lockedUntil : 0;
    }

    /** Until when this address is locked out of this username; 0 if it is not. */
    long pairLockedUntil(String username, String address, long now) {
        Map<String, Count> byAddress = pairs.get(user(username));
        Count count = byAddress == null ? null : byAddress.get(address(address));
        return count != null && count.lockedUntil > now ? count.lockedUntil : 0;
    }

    /** The latest lock any address has on this username, for showing on the account; 0 if none. */
    long lockedUntil(String username, long now) {
        Map<String, Count> byAddress = pairs.get(user(username));
        long until = 0;
        if (byAddress != null) {
            for (Count count : byAddress.values()) {
                if (count.lockedUntil > now) {
                    until = Math.max(until, count.lockedUntil);
                }
            }
        }
        return until;
    }

    /** Counts a failure; returns the failures in a row for this username from this address. */
    int failed(String username, String address, long now) {
        if (pairs.size() + addresses.size() > MAX_ENTRIES) {
            prune(now);
        }
        String name = user(username);
        addresses.compute(address(address), (k, previous) -> {
            boolean fresh = previous == null
                    || now - previous.lastFailure > lockMillis
                    || previous.lockedUntil != 0 && previous.lockedUntil <= now;
            java.util.Set<String> names = new java.util.HashSet<>(fresh ? java.util.Set.of() : previous.usernames);
            if (names.size() < addressLimit) {
                names.add(name);
            }
            return new Spray(java.util.Set.copyOf(names), names.size() >= addressLimit ? now + lockMillis : 0, now);
        });
        return pairs.computeIfAbsent(name, k -> new ConcurrentHashMap<>())
                .compute(address(address), (k, c) -> next(c, pairLimit, now))
                .failures;
    }

    private Count next(Count previous, int limit, long now) {
        // a count older than the lock time starts again, as does one whose lock has run out
        boolean fresh = previous == null
                || now - previous.lastFailure > lockMillis
                || previous.lockedUntil != 0 && previous.lockedUntil <= now;
        int failures = fresh ? 1 : previous.failures + 1;
        long lockedUntil = failures >= limit ? now + lockMillis : 0;
        return new Count(failures, lockedUntil, now);
    }

    /** A successful login from this address clears its count for this username. */
    void succeeded(String username, String address) {
        Map<String, Count> byAddress = pairs.get(user(username));
        if (byAddress != null) {
            byAddress.remove(address(address));
        }
    }

    /** A password reset or re-enabling clears every lock on the username. */
    void forget(String username) {
        pairs.remove(user(username));
    }

    private void prune(long now) {
        pairs.values()
                .forEach(byAddress ->
                        byAddress.values().removeIf(c -> c.lockedUntil <= now && now - c.lastFailure > lockMillis));
        addresses.values().removeIf(c -> c.lockedUntil <= now && now - c.lastFailure > lockMillis);
        if (pairs.size() + addresses.size() > MAX_ENTRIES) {
            // a spray of fresh names: keep the address locks, which stop it
            pairs.clear();
        }
    }
}
