/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.castpanel.autodj.api.ScheduleRepeat;
import org.junit.jupiter.api.Test;

class ShowTimesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static long at(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant().toEpochMilli();
    }

    private static ShowTimes shows(String start, int minutes, ScheduleRepeat repeat) {
        return new ShowTimes(LocalDateTime.parse(start), minutes, repeat, BERLIN);
    }

    @Test
    void aShowIsOnFromItsStartUntilItsEnd() {
        ShowTimes once = shows("2026-12-24T18:00", 90, ScheduleRepeat.NONE);
        assertTrue(once.at(at("2026-12-24T17:59:59")).isEmpty(), "not before");
        assertEquals(
                at("2026-12-24T18:00"),
                once.at(at("2026-12-24T18:00")).orElseThrow().startMillis());
        assertEquals(
                at("2026-12-24T19:30"),
                once.at(at("2026-12-24T19:29:59")).orElseThrow().endMillis());
        assertTrue(once.at(at("2026-12-24T19:30")).isEmpty(), "the end is not in it");
        assertTrue(once.at(at("2026-12-25T18:30")).isEmpty(), "and it does not come back");
    }

    @Test
    void repeatsComeBackDailyWeeklyAndMonthlyButNeverBeforeTheFirst() {
        ShowTimes daily = shows("2026-12-01T08:00", 60, ScheduleRepeat.DAILY);
        assertTrue(daily.at(at("2026-11-30T08:30")).isEmpty(), "not before the first");
        assertTrue(daily.at(at("2027-03-15T08:30")).isPresent());

        ShowTimes weekly = shows("2026-12-04T20:00", 120, ScheduleRepeat.WEEKLY); // a Friday
        assertTrue(weekly.at(at("2026-12-11T21:59")).isPresent(), "the next Friday");
        assertTrue(weekly.at(at("2026-12-10T21:00")).isEmpty(), "not on Thursday");

        ShowTimes monthly = shows("2026-01-31T12:00", 30, ScheduleRepeat.MONTHLY);
        assertTrue(monthly.at(at("2026-03-31T12:10")).isPresent());
        assertTrue(monthly.at(at("2026-02-28T12:10")).isEmpty(), "February has no 31st");
    }

    @Test
    void aShowAcrossMidnightHoldsTheNextMorning() {
        ShowTimes night = shows("2026-12-01T23:00", 180, ScheduleRepeat.WEEKLY);
        assertEquals(
                at("2026-12-08T23:00"),
                night.at(at("2026-12-09T01:30")).orElseThrow().startMillis());
        List<ShowTimes.Show> week = night.between(at("2026-12-09T00:00"), at("2026-12-16T00:00"));
        assertEquals(2, week.size(), "the one spilling into the week, and the next: " + week);
    }

    @Test
    void showsLastTheirMinutesAcrossADaylightSavingChange() {
        // Berlin moves from 03:00 to 02:00 on 2026-10-25: the night is an hour longer
        ShowTimes night = shows("2026-10-25T01:00", 180, ScheduleRepeat.NONE);
        ShowTimes.Show show = night.at(at("2026-10-25T01:30")).orElseThrow();
        assertEquals(180 * 60_000L, show.endMillis() - show.startMillis());
    }

    @Test
    void onlyTheScheduleFormParses() {
        assertEquals(
                LocalDateTime.parse("2026-12-24T18:00"),
                ShowTimes.parse("2026-12-24T18:00").orElseThrow());
        for (String bad : new String[] {"2026-12-24 18:00", "2026-02-30T10:00", "2026-12-24T24:00", "18:00", "", "x"}) {
            assertTrue(ShowTimes.parse(bad).isEmpty(), bad);
        }
    }
}
