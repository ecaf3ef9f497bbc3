/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import java.util.List;

/**
 * A playlist to create, or the changes to one (null: unchanged; on create, the default). An
 * interval playlist takes one of {@code everySongs} (1-100), {@code everyMinutes} (1-1440) and
 * {@code atMinute} (0-59: hourly, at that minute); giving one switches to it. A scheduled
 * playlist takes its {@code schedule} (required on create; on change, the fields given replace
 * those stored).
 */
public record PlaylistInput(
        String name,
        PlaylistKind kind,
        Boolean enabled,
        Integer weight,
        Integer everySongs,
        Integer everyMinutes,
        PlayOrder order,
        List<PlaylistEntry> entries,
        Double crossfadeSeconds,
        Integer atMinute,
        PlaylistSchedule schedule) {

    /** Not a schedule. */
    public PlaylistInput(
            String name,
            PlaylistKind kind,
            Boolean enabled,
            Integer weight,
            Integer everySongs,
            Integer everyMinutes,
            PlayOrder order,
            List<PlaylistEntry> entries,
            Double crossfadeSeconds,
            Integer atMinute) {
        this(name, kind, enabled, weight, everySongs, everyMinutes, order, entries, crossfadeSeconds, atMinute, null);
    }

    /** Without an hourly minute. */
    public PlaylistInput(
            String name,
            PlaylistKind kind,
            Boolean enabled,
            Integer weight,
            Integer everySongs,
            Integer everyMinutes,
            PlayOrder order,
            List<PlaylistEntry> entries,
            Double crossfadeSeconds) {
        this(name, kind, enabled, weight, everySongs, everyMinutes, order, entries, crossfadeSeconds, null);
    }
}
