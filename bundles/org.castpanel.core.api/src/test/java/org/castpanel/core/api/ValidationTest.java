/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

    @Test
    void passwordsNeedFiveCharacters() {
        CastPanelException e = assertThrows(CastPanelException.class, () -> Validation.password("password", "abcd"));
        assertEquals("password", e.field());
        assertEquals(CastPanelException.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().contains("at least 5"), e.getMessage());
        assertEquals("abcde", Validation.password("password", "abcde"));
        assertThrows(CastPanelException.class, () -> Validation.password("password", "x".repeat(201)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "-lead", "with space", "semi;colon", "new\nline", "quote'd", ""})
    void usernamesRefuseOddCharacters(String username) {
        assertEquals(
                "username",
                assertThrows(CastPanelException.class, () -> Validation.username(username))
                        .field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob", "dj.mike", "radio_1", "ops@example.com", "a+b-c"})
    void usernamesAcceptTheUsualForms(String username) {
        assertEquals(username, Validation.username(username));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "two@@example.com", "no-dot@example", "sp ace@example.com", "a@b.c\nBcc: x@y.z"})
    void emailsMustBeAddresses(String email) {
        assertEquals(
                "email",
                assertThrows(CastPanelException.class, () -> Validation.email(email))
                        .field());
    }

    @Test
    void blankOptionalFieldsBecomeNull() {
        assertNull(Validation.email("  "));
        assertNull(Validation.contactNumber(""));
        assertEquals("+49 (30) 123-45", Validation.contactNumber(" +49 (30) 123-45 "));
    }

    @Test
    void timezonesAreIanaIds() {
        assertEquals("Europe/Berlin", Validation.timezone("Europe/Berlin"));
        assertEquals(
                "timezone",
                assertThrows(CastPanelException.class, () -> Validation.timezone("Mars/Olympus"))
                        .field());
    }

    @Test
    void textRefusesLineBreaksAndControlCharacters() {
        assertThrows(CastPanelException.class, () -> Validation.text("name", "evil\r\ninjected", 100));
        assertThrows(CastPanelException.class, () -> Validation.name("x".repeat(201)));
        assertEquals("Zoë Müller", Validation.name("  Zoë Müller "));
    }

    @Test
    void languagesAreTags() {
        assertEquals("de-AT", Validation.language("de-AT"));
        assertThrows(CastPanelException.class, () -> Validation.language("german"));
    }
}
