/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.castpanel.autodj.api.PlayOrder;
import org.castpanel.autodj.api.Playlist;
import org.castpanel.autodj.api.PlaylistKind;
import org.castpanel.autodj.api.PlaylistSchedule;
import org.castpanel.autodj.api.ScheduleRepeat;
import org.junit.jupiter.api.Test;

/** What {@code castpanel:playlist-list} says of when interval and scheduled playlists play. */
class PlaylistListCommandTest {

    private static Playlist playlist(
            String name, PlaylistKind kind, Integer songs, Integer minutes, Integer atMinute, PlaylistSchedule s) {
        return new Playlist(
                1,
                2,
                name,
                kind,
                true,
                5,
                songs,
                minutes,
                PlayOrder.SHUFFLE,
                List.of(),
                null,
                3,
                Instant.EPOCH,
                Instant.EPOCH,
                atMinute,
                s);
    }

    @Test
    void theWhenColumnSaysHowEachPlaylistIsPaced() {
        assertEquals("", PlaylistListCommand.when(playlist("Music", PlaylistKind.ROTATION, null, null, null, null)));
        assertEquals(
                "every 3 songs", PlaylistListCommand.when(playlist("IDs", PlaylistKind.INTERVAL, 3, null, null, null)));
        assertEquals(
                "every 30 min", PlaylistListCommand.when(playlist("Ads", PlaylistKind.INTERVAL, null, 30, null, null)));
        assertEquals(
                "hourly at :05", PlaylistListCommand.when(playlist("Top", PlaylistKind.INTERVAL, null, null, 5, null)));
        PlaylistSchedule weekly =
                new PlaylistSchedule("2026-12-24T18:00", 90, "2026-12-24T19:30", ScheduleRepeat.WEEKLY, true);
        assertEquals(
                "2026-12-24T18:00 for 90 min, weekly, cuts in",
                PlaylistListCommand.when(playlist("Show", PlaylistKind.SCHEDULED, null, null, null, weekly)));
        PlaylistSchedule once =
                new PlaylistSchedule("2026-12-31T23:00", 120, "2027-01-01T01:00", ScheduleRepeat.NONE, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlaylistListCommand.print(
                List.of(playlist("New Year", PlaylistKind.SCHEDULED, null, null, null, once)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("When") && table.contains("2026-12-31T23:00 for 120 min"), table);
    }
}
