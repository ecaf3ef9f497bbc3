/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesAreSaltedArgon2idAndVerify() {
        String first = hasher.hash("correct horse");
        String second = hasher.hash("correct horse");
        assertTrue(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), first);
        assertNotEquals(first, second, "each hash has its own salt");
        assertTrue(hasher.verify("correct horse", first));
        assertTrue(hasher.verify("correct horse", second));
        assertFalse(hasher.verify("correct horsf", first));
    }

    @Test
    void garbageNeverVerifies() {
        assertFalse(hasher.verify("x", null));
        assertFalse(hasher.verify("x", "plain"));
        assertFalse(hasher.verify("x", "$2a$10$abcdefghijklmnopqrstuv"));
    }

    @Test
    void secretsAreLongAndDigestsStable() {
        String token = Secrets.token("cps_");
        assertTrue(token.startsWith("cps_") && token.length() == 4 + 43, token);
        assertNotEquals(token, Secrets.token("cps_"));
        assertTrue(Secrets.sha256("abc").equals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
}
