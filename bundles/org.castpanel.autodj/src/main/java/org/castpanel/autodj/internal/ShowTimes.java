/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.castpanel.autodj.api.ScheduleRepeat;

/**
 * When a scheduled playlist's shows are on, by the panel's clock: the first at its start, the
 * others as its repeat says. A show lasts at most a day, so only shows starting on the day in
 * question or the day before can hold a moment. Kept apart from storage so the rules are tested
 * on their own.
 */
final class ShowTimes {

    static final DateTimeFormatter FORM =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withResolverStyle(ResolverStyle.STRICT);
    static final int MOST_MINUTES = 1440;

    /** One show: from its start (inclusive) to its end (exclusive). */
    record Show(long startMillis, long endMillis) {
        boolean holds(long millis) {
            return startMillis <= millis && millis < endMillis;
        }
    }

    private final LocalDateTime start;
    private final int minutes;
    private final ScheduleRepeat repeat;
    private final ZoneId zone;

    ShowTimes(LocalDateTime start, int minutes, ScheduleRepeat repeat, ZoneId zone) {
        this.start = start;
        this.minutes = minutes;
        this.repeat = repeat;
        this.zone = zone;
    }

    /** A local date-time in the schedule's form, or empty when it is not one. */
    static Optional<LocalDateTime> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text, FORM));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The show on at that moment, if one is. */
    Optional<Show> at(long millis) {
        return between(millis, millis + 1).stream().filter(s -> s.holds(millis)).findFirst();
    }

    /** The shows that overlap {@code [fromMillis, toMillis)}, in order. */
    List<Show> between(long fromMillis, long toMillis) {
        List<Show> shows = new ArrayList<>();
        LocalDate last = Instant.ofEpochMilli(toMillis).atZone(zone).toLocalDate();
        for (LocalDate day = Instant.ofEpochMilli(fromMillis)
                        .atZone(zone)
                        .toLocalDate()
                        .minusDays(1);
                !day.isAfter(last);
                day = day.plusDays(1)) {
            if (!occursOn(day)) {
                continue;
            }
            // a start in a daylight-saving gap moves on by the gap, as ZonedDateTime does
            ZonedDateTime begins = day.atTime(start.toLocalTime()).atZone(zone);
            Show show = new Show(
                    begins.toInstant().toEpochMilli(),
                    begins.plusMinutes(minutes).toInstant().toEpochMilli());
            if (show.startMillis() < toMillis && show.endMillis() > fromMillis) {
                shows.add(show);
            }
        }
        return shows;
    }

    private boolean occursOn(LocalDate day) {
        LocalDate first = start.toLocalDate();
        if (day.isBefore(first)) {
            return false;
        }
        return switch (repeat) {
            case NONE -> day.equals(first);
            case DAILY -> true;
            case WEEKLY -> ChronoUnit.DAYS.between(first, day) % 7 == 0;
            case MONTHLY -> day.getDayOfMonth() == first.getDayOfMonth();
        };
    }
}
