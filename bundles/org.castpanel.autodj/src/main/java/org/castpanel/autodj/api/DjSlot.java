/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.regex.Pattern;

/**
 * One weekly slot of a DJ, in the panel's time zone: {@code day} from {@code start} to {@code end},
 * both {@code HH:MM} ({@code end} may be {@code 24:00}, midnight). A slot never spans midnight; two
 * slots do.
 */
public record DjSlot(DayOfWeek day, String start, String end) {

    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]|24:00");

    /** Minutes after midnight of an {@code HH:MM} time, or -1 when it is not one. */
    public static int minutes(String time) {
        if (time == null || !TIME.matcher(time).matches()) {
            return -1;
        }
        return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3));
    }

    /** Whether the slot holds that moment. */
    public boolean holds(DayOfWeek today, LocalTime time) {
        int now = time.getHour() * 60 + time.getMinute();
        return day == today && now >= minutes(start) && now < minutes(end);
    }
}
