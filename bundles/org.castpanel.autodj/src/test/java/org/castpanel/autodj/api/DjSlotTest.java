/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class DjSlotTest {

    @Test
    void timesAreHoursAndMinutesWithMidnightAsTheLastEnd() {
        assertEquals(0, DjSlot.minutes("00:00"));
        assertEquals(18 * 60 + 30, DjSlot.minutes("18:30"));
        assertEquals(24 * 60, DjSlot.minutes("24:00"));
        for (String bad : new String[] {null, "", "24:01", "7:00", "07:60", "07:00:00", "18h00", "25:00"}) {
            assertEquals(-1, DjSlot.minutes(bad), bad);
        }
    }

    @Test
    void aSlotHoldsFromItsStartUntilJustBeforeItsEndOnItsDayOnly() {
        DjSlot evening = new DjSlot(DayOfWeek.FRIDAY, "18:00", "20:00");
        assertTrue(evening.holds(DayOfWeek.FRIDAY, LocalTime.of(18, 0)));
        assertTrue(evening.holds(DayOfWeek.FRIDAY, LocalTime.of(19, 59, 59)));
        assertFalse(evening.holds(DayOfWeek.FRIDAY, LocalTime.of(20, 0)));
        assertFalse(evening.holds(DayOfWeek.FRIDAY, LocalTime.of(17, 59)));
        assertFalse(evening.holds(DayOfWeek.SATURDAY, LocalTime.of(19, 0)));
        DjSlot late = new DjSlot(DayOfWeek.SUNDAY, "22:00", "24:00");
        assertTrue(late.holds(DayOfWeek.SUNDAY, LocalTime.of(23, 59, 59)));
        assertFalse(late.holds(DayOfWeek.MONDAY, LocalTime.of(0, 0)));
    }
}
