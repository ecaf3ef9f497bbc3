/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One weekly slot of a DJ, in the panel's time zone: {@code day} from {@code start} to {@code end}
 * (24:00 written as {@code end} null: to midnight). A slot never spans midnight; two slots do.
 */
public record DjSlot(DayOfWeek day, LocalTime start, LocalTime end) {

    /** Whether the slot holds that moment. */
    public boolean holds(DayOfWeek today, LocalTime time) {
        return day == today && !time.isBefore(start) && (end == null || time.isBefore(end));
    }
}
