/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

/**
 * When a scheduled playlist's show is on: from {@code start} ({@code yyyy-MM-ddTHH:mm}, the
 * panel's time zone) for {@code minutes} (1-1440), or until {@code end} (the same form, at most a
 * day after the start; give one of the two, both are answered), coming back as {@code repeat}
 * says. An {@code interruptible} show cuts the track on the air when it begins; otherwise it begins
 * when that track ends. Its last track always plays to its end.
 */
public record PlaylistSchedule(
        String start, Integer minutes, String end, ScheduleRepeat repeat, Boolean interruptible) {}
