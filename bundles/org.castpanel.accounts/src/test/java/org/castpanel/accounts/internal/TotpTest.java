/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B's SHA-1 secret, "12345678901234567890". */
    private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void theRfc6238TestVectorsGiveTheirCodes() {
        // the RFC lists eight digits; six are their last six
        assertEquals("287082", Totp.code(RFC_SECRET, Totp.step(59_000L)));
        assertEquals("081804", Totp.code(RFC_SECRET, Totp.step(1_111_111_109_000L)));
        assertEquals("050471", Totp.code(RFC_SECRET, Totp.step(1_111_111_111_000L)));
        assertEquals("005924", Totp.code(RFC_SECRET, Totp.step(1_234_567_890_000L)));
        assertEquals("279037", Totp.code(RFC_SECRET, Totp.step(2_000_000_000_000L)));
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNeverTwice() {
        long now = 1_700_000_000_000L;
        long step = Totp.step(now);
        String current = Totp.code(RFC_SECRET, step);
        assertEquals(step, Totp.verify(RFC_SECRET, current, now, null));
        assertEquals(-1, Totp.verify(RFC_SECRET, current, now, step), "a used code is refused");
        assertEquals(step - 1, Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, null));
        assertEquals(step + 1, Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, null));
        assertEquals(-1, Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now, null));
        assertEquals(-1, Totp.verify(RFC_SECRET, "12345", now, null));
        assertEquals(-1, Totp.verify(RFC_SECRET, "abcdef", now, null));
    }

    @Test
    void base32RoundTripsAndSecretsAre160Bits() {
        byte[] data = {0, 1, 2, (byte) 0xff, 127, -128, 42};
        assertArrayEquals(data, Totp.unbase32(Totp.base32(data)));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", RFC_SECRET);
        assertEquals(20, Totp.unbase32(Totp.newSecret()).length);
        assertEquals(
                "otpauth://totp/CastPanel:anna%40radio?secret=ABC&issuer=CastPanel&algorithm=SHA1&digits=6&period=30",
                Totp.uri("CastPanel", "anna@radio", "ABC"));
    }
}
