/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import org.castpanel.autodj.api.PlayOrder;
import org.castpanel.autodj.internal.TrackPicker.Candidate;
import org.castpanel.autodj.internal.TrackPicker.Choice;
import org.castpanel.autodj.internal.TrackPicker.Interval;
import org.castpanel.autodj.internal.TrackPicker.Played;
import org.castpanel.autodj.internal.TrackPicker.Repeat;
import org.castpanel.autodj.internal.TrackPicker.Rotation;
import org.junit.jupiter.api.Test;

class TrackPickerTest {

    private static final long MINUTE = 60_000;
    private static final long WINDOW_MILLIS = 10 * MINUTE;
    private static final Repeat WINDOW = Repeat.minutes(WINDOW_MILLIS);

    private final TrackPicker picker = new TrackPicker(new Random(42));

    private static List<Candidate> tracks(int n) {
        return LongStream.rangeClosed(1, n)
                .mapToObj(i -> new Candidate(i, "artist " + i, "album " + i))
                .toList();
    }

    /** Plays {@code count} tracks one minute apart, each chosen with the history so far. */
    private List<Played> play(List<Rotation> rotations, int count, Repeat window) {
        return play(rotations, List.of(), count, window);
    }

    private List<Played> play(List<Rotation> rotations, List<Interval> intervals, int count, Repeat window) {
        List<Played> history = new ArrayList<>();
        long now = 1_000 * MINUTE;
        for (int i = 0; i < count; i++) {
            Choice c = picker.pick(rotations, intervals, history, now, window).orElseThrow();
            history.add(
                    0,
                    new Played(c.track().fileId(), c.track().artist(), c.track().album(), c.playlistId(), now));
            now += MINUTE;
        }
        java.util.Collections.reverse(history);
        return history;
    }

    @Test
    void noTrackArtistOrAlbumAgainWithinTheWindow() {
        List<Candidate> all = List.of(
                new Candidate(1, "Ann", "First"),
                new Candidate(2, "ann ", "Second"), // the same artist, other case and space
                new Candidate(3, "Bob", "first"), // the same album
                new Candidate(4, "Cid", "Third"));
        long now = 100 * MINUTE;
        List<Played> history = List.of(new Played(1, "Ann", "First", 7L, now - 9 * MINUTE));
        for (int i = 0; i < 50; i++) {
            Choice c = picker.pick(List.of(new Rotation(7, 1, PlayOrder.RANDOM, all)), history, now, WINDOW)
                    .orElseThrow();
            assertEquals(4, c.track().fileId(), "only the track by another artist from another album is free");
            assertFalse(c.protectionOverridden());
        }
        // eleven minutes later the window has passed: the others are free again
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(picker.pick(List.of(new Rotation(7, 1, PlayOrder.RANDOM, all)), history, now + 2 * MINUTE, WINDOW)
                    .orElseThrow()
                    .track()
                    .fileId());
        }
        assertEquals(Set.of(1L, 2L, 3L, 4L), seen);
    }

    @Test
    void emptyTagsProtectNothing() {
        List<Candidate> all = List.of(new Candidate(1, null, ""), new Candidate(2, " ", null));
        List<Played> history = List.of(new Played(1, null, "", 7L, 0));
        Choice c = picker.pick(List.of(new Rotation(7, 1, PlayOrder.RANDOM, all)), history, MINUTE, WINDOW)
                .orElseThrow();
        assertEquals(2, c.track().fileId());
    }

    @Test
    void whenEverythingIsProtectedTheLeastRecentlyPlayedPlays() {
        List<Candidate> all = tracks(3);
        long now = 100 * MINUTE;
        List<Played> history = List.of( // newest first
                new Played(2, "artist 2", "album 2", 7L, now - MINUTE),
                new Played(1, "artist 1", "album 1", 7L, now - 2 * MINUTE),
                new Played(3, "artist 3", "album 3", 7L, now - 3 * MINUTE));
        Choice c = picker.pick(List.of(new Rotation(7, 1, PlayOrder.RANDOM, all)), history, now, WINDOW)
                .orElseThrow();
        assertEquals(3, c.track().fileId());
        assertTrue(c.protectionOverridden());

        List<Candidate> withNew = new ArrayList<>(all);
        withNew.add(new Candidate(9, "artist 1", "album 1")); // protected by its artist, but never played
        assertEquals(
                9,
                picker.pick(List.of(new Rotation(7, 1, PlayOrder.RANDOM, withNew)), history, now, WINDOW)
                        .orElseThrow()
                        .track()
                        .fileId());
    }

    @Test
    void nothingToPlayIsEmpty() {
        assertTrue(picker.pick(List.of(), List.of(), 0, WINDOW).isEmpty());
        assertTrue(picker.pick(List.of(new Rotation(1, 5, PlayOrder.RANDOM, List.of())), List.of(), 0, WINDOW)
                .isEmpty());
    }

    @Test
    void playlistsAreDrawnByWeight() {
        Rotation heavy = new Rotation(1, 3, PlayOrder.RANDOM, tracks(50));
        Rotation light = new Rotation(
                2,
                1,
                PlayOrder.RANDOM,
                LongStream.rangeClosed(101, 150)
                        .mapToObj(i -> new Candidate(i, "x" + i, "y" + i))
                        .toList());
        int heavyPicks = 0;
        for (int i = 0; i < 4_000; i++) {
            if (picker.pick(List.of(heavy, light), List.of(), 0, WINDOW)
                            .orElseThrow()
                            .playlistId()
                    == 1) {
                heavyPicks++;
            }
        }
        double ratio = heavyPicks / (double) (4_000 - heavyPicks);
        assertTrue(ratio > 2.6 && ratio < 3.4, "weight 3 against 1 gave " + ratio);
    }

    @Test
    void aProtectedPlaylistLeavesTheDrawToTheOthers() {
        Rotation onlyOne = new Rotation(1, 99, PlayOrder.RANDOM, List.of(new Candidate(1, "a", "b")));
        Rotation other = new Rotation(2, 1, PlayOrder.RANDOM, List.of(new Candidate(2, "c", "d")));
        List<Played> history = List.of(new Played(1, "a", "b", 1L, 0));
        for (int i = 0; i < 20; i++) {
            assertEquals(
                    2,
                    picker.pick(List.of(onlyOne, other), history, MINUTE, WINDOW)
                            .orElseThrow()
                            .playlistId());
        }
    }

    @Test
    void shufflePlaysEachTrackOncePerCycle() {
        Rotation r = new Rotation(5, 1, PlayOrder.SHUFFLE, tracks(6));
        List<Played> oldestFirst = play(List.of(r), 24, Repeat.minutes(0)); // no repeat window: only the cycle rule
        List<List<Long>> cycles = new ArrayList<>();
        for (int i = 0; i < 24; i += 6) {
            List<Long> cycle =
                    oldestFirst.subList(i, i + 6).stream().map(Played::fileId).toList();
            assertEquals(6, new HashSet<>(cycle).size(), "cycle " + cycles.size() + " repeats a track: " + cycle);
            cycles.add(cycle);
        }
        assertTrue(new HashSet<>(cycles).size() > 1, "every cycle in the same order: " + cycles);
    }

    @Test
    void sequentialGoesOnFromWhereItLeftOffAndSkipsProtectedTracks() {
        Rotation r = new Rotation(5, 1, PlayOrder.SEQUENTIAL, tracks(4));
        List<Long> order = play(List.of(r), 9, Repeat.minutes(0)).stream()
                .map(Played::fileId)
                .toList();
        assertEquals(List.of(1L, 2L, 3L, 4L, 1L, 2L, 3L, 4L, 1L), order);

        // track 3's artist played just now from elsewhere: the sequence skips it
        long now = 100 * MINUTE;
        List<Played> history = List.of(
                new Played(99, "artist 3", "other", null, now - MINUTE),
                new Played(2, "artist 2", "album 2", 5L, now - 20 * MINUTE));
        Choice c = picker.pick(List.of(r), history, now, WINDOW).orElseThrow();
        assertEquals(4, c.track().fileId());
        assertNotEquals(3, c.track().fileId());
    }

    private static final Candidate JINGLE = new Candidate(500, "Station", null);

    @Test
    void anIntervalPlaylistPlaysBetweenEveryNSongsOfTheRotation() {
        Rotation music = new Rotation(5, 1, PlayOrder.SHUFFLE, tracks(20));
        Interval ids = new Interval(9, 2, null, PlayOrder.SEQUENTIAL, List.of(JINGLE));
        List<Long> order = play(List.of(music), List.of(ids), 9, WINDOW).stream()
                .map(p -> p.playlistId())
                .toList();
        assertEquals(List.of(5L, 5L, 9L, 5L, 5L, 9L, 5L, 5L, 9L), order);
    }

    @Test
    void tracksRepeatProtectionPassedOverDoNotBringTheJingleSooner() {
        // two rotation tracks by one artist: after the first, the other is protected and passed over
        // until the least recently played plays anyway; only what was chosen counts as a song
        Rotation music = new Rotation(
                5, 1, PlayOrder.RANDOM, List.of(new Candidate(1, "Same", "A"), new Candidate(2, "Same", "B")));
        Interval ids = new Interval(9, 3, null, PlayOrder.RANDOM, List.of(JINGLE));
        List<Long> order = play(List.of(music), List.of(ids), 8, Repeat.minutes(60 * MINUTE)).stream()
                .map(p -> p.playlistId())
                .toList();
        assertEquals(List.of(5L, 5L, 5L, 9L, 5L, 5L, 5L, 9L), order);
    }

    @Test
    void aClockIntervalPlaysWhenItsMinutesHavePassedAndAtTheStart() {
        Rotation music = new Rotation(5, 1, PlayOrder.SHUFFLE, tracks(20));
        Interval hourly = new Interval(9, null, 5, PlayOrder.RANDOM, List.of(JINGLE));
        // one track a minute: the jingle first (never played), then every five minutes
        List<Long> order = play(List.of(music), List.of(hourly), 12, WINDOW).stream()
                .map(p -> p.playlistId())
                .toList();
        assertEquals(List.of(9L, 5L, 5L, 5L, 5L, 9L, 5L, 5L, 5L, 5L, 9L, 5L), order);
    }

    @Test
    void anIntervalWithNothingPlayableLeavesTheRotationAlone() {
        Rotation music = new Rotation(5, 1, PlayOrder.SHUFFLE, tracks(5));
        Interval empty = new Interval(9, 1, null, PlayOrder.RANDOM, List.of());
        assertTrue(play(List.of(music), List.of(empty), 5, Repeat.minutes(0)).stream()
                .allMatch(p -> p.playlistId() == 5L));
    }

    @Test
    void aPlayOncePlaylistPlaysEachOfItsTracksNextInOrderThenEnds() {
        Rotation music = new Rotation(5, 1, PlayOrder.SHUFFLE, tracks(10));
        List<Candidate> show = List.of(new Candidate(801, "Host", "Show"), new Candidate(802, "Host", "Show"));
        long since = 1_000 * MINUTE;
        // track 801 played before the playlist was switched on: it plays again now
        List<Played> history = new ArrayList<>(List.of(new Played(801, "Host", "Show", 3L, since - MINUTE)));
        TrackPicker.Immediate once = new TrackPicker.Immediate(3, show, since);
        long now = since;
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Choice c = picker.pick(List.of(once), List.of(music), List.of(), history, now, WINDOW)
                    .orElseThrow();
            choices.add(c);
            history.add(
                    0,
                    new Played(c.track().fileId(), c.track().artist(), c.track().album(), c.playlistId(), now));
            now += MINUTE;
        }
        assertEquals(801, choices.get(0).track().fileId());
        assertFalse(choices.get(0).lastOfPlaylist());
        assertEquals(802, choices.get(1).track().fileId(), "the same artist: repeat protection does not hold it back");
        assertTrue(choices.get(1).lastOfPlaylist(), "the last one ends the playlist");
        assertEquals(5, choices.get(2).playlistId());
        assertEquals(5, choices.get(3).playlistId());
    }

    @Test
    void aListenersRequestPlaysAfterPlayOnceTracksAndWaitsWhileRepeatProtectionHoldsIt() {
        long now = 100 * MINUTE;
        List<Rotation> rotation = List.of(new Rotation(7, 1, PlayOrder.RANDOM, tracks(5)));
        Candidate asked = new Candidate(9, "Zed", "Zed's album");
        Candidate held = new Candidate(10, "Ann", "Other");
        List<TrackPicker.Request> requests =
                List.of(new TrackPicker.Request(21, held), new TrackPicker.Request(22, asked));
        List<Played> annJustPlayed = List.of(new Played(3, "Ann", "Third", 7L, now - MINUTE));

        // the older request's artist played a minute ago: it waits, the next request plays
        Choice c = picker.pick(List.of(), requests, rotation, List.of(), annJustPlayed, now, WINDOW)
                .orElseThrow();
        assertEquals(22, c.requestId());
        assertEquals(9, c.track().fileId());
        // a play-once playlist still comes first
        Choice first = picker.pick(
                        List.of(new TrackPicker.Immediate(8, List.of(new Candidate(11, "X", "Y")), 0)),
                        requests,
                        rotation,
                        List.of(),
                        annJustPlayed,
                        now,
                        WINDOW)
                .orElseThrow();
        assertEquals(8, first.playlistId());
        assertEquals(0, first.requestId());
        // every request held: the rotation plays
        Choice rotated = picker.pick(
                        List.of(),
                        List.of(new TrackPicker.Request(21, held)),
                        rotation,
                        List.of(),
                        annJustPlayed,
                        now,
                        WINDOW)
                .orElseThrow();
        assertEquals(7, rotated.playlistId());
        assertEquals(0, rotated.requestId());
    }

    @Test
    void aHeldTrackIsFreeWhenItsLastMatchingPlayLeavesTheWindow() {
        long now = 100 * MINUTE;
        List<Played> history = List.of(
                new Played(5, "Bob", "B", 7L, now - 2 * MINUTE), // the same album, later
                new Played(4, "Ann", "A", 7L, now - 4 * MINUTE), // the same artist
                new Played(6, "Cid", "C", 7L, now - MINUTE)); // nothing in common
        Candidate track = new Candidate(9, "ANN", "b");
        assertEquals(now - 2 * MINUTE + WINDOW_MILLIS, TrackPicker.freeAt(track, history, now, WINDOW));
        assertEquals(now, TrackPicker.freeAt(new Candidate(9, "Dee", "D"), history, now, WINDOW));
        assertEquals(now, TrackPicker.freeAt(track, history, now, Repeat.minutes(MINUTE)));
    }

    @Test
    void aQueuedTrackPlaysFirstEvenWhenRepeatProtectionHoldsIt() {
        long now = 100 * MINUTE;
        Candidate justPlayed = new Candidate(4, "Ann", "A");
        List<Played> history = List.of(new Played(4, "Ann", "A", 7L, now - MINUTE));
        List<Rotation> rotation =
                List.of(new Rotation(7, 1, PlayOrder.SEQUENTIAL, List.of(justPlayed, new Candidate(5, "Bob", "B"))));
        List<TrackPicker.Immediate> once =
                List.of(new TrackPicker.Immediate(8, List.of(new Candidate(11, "X", "Y")), 0));
        List<TrackPicker.Request> asked = List.of(new TrackPicker.Request(21, new Candidate(5, "Bob", "B")));

        Choice queued = picker.pick(
                        List.of(
                                new TrackPicker.Request(30, justPlayed),
                                new TrackPicker.Request(31, new Candidate(6, "C", "C"))),
                        once,
                        asked,
                        rotation,
                        List.of(),
                        history,
                        now,
                        WINDOW)
                .orElseThrow();
        assertEquals(30, queued.requestId(), "the oldest queued track, though its artist just played");
        assertEquals(4, queued.track().fileId());
        assertEquals(0, queued.playlistId());
        assertFalse(queued.protectionOverridden());

        Choice without = picker.pick(List.of(), once, asked, rotation, List.of(), history, now, WINDOW)
                .orElseThrow();
        assertEquals(8, without.playlistId(), "an empty queue leaves the order as it was: play-once first");
    }

    /** Chooses at each of {@code times} (UTC "HH:MM"), oldest first, each with the history so far; the playlists chosen. */
    private static List<Long> playAt(TrackPicker picker, Rotation music, Interval interval, String... times) {
        List<Played> history = new ArrayList<>();
        List<Long> chosen = new ArrayList<>();
        for (String time : times) {
            long now = java.time.Instant.parse("2026-12-02T" + time + ":00Z").toEpochMilli();
            Choice c = picker.pick(List.of(music), List.of(interval), history, now, WINDOW)
                    .orElseThrow();
            history.add(
                    0,
                    new Played(c.track().fileId(), c.track().artist(), c.track().album(), c.playlistId(), now));
            chosen.add(c.playlistId());
        }
        return chosen;
    }

    @Test
    void anHourlyIntervalPlaysOnceAtTheFirstTrackEndFromItsMinuteAndNotLate() {
        Rotation music = new Rotation(5, 1, PlayOrder.SHUFFLE, tracks(30));
        Interval topOfHour = new Interval(9, null, null, 5, PlayOrder.RANDOM, List.of(JINGLE));
        TrackPicker utc = new TrackPicker(new Random(1), java.time.ZoneOffset.UTC);
        assertEquals(
                List.of(5L, 9L, 5L, 5L, 5L, 9L, 5L),
                playAt(utc, music, topOfHour, "10:01", "10:06", "10:09", "10:18", "11:04", "11:07", "11:10"),
                "before its minute the rotation; from 10:05 once, at the first track end; again from 11:05");
        assertEquals(
                List.of(5L, 5L, 9L),
                playAt(utc, music, topOfHour, "10:21", "10:40", "11:05"),
                "a station that was not playing at 10:05 does not play the jingle at 10:21 (15 minutes late at most)");
        // the panel's clock: 10:31 UTC is 16:01 in India, so "at minute 0" is due there and then
        Interval onTheHour = new Interval(9, null, null, 0, PlayOrder.RANDOM, List.of(JINGLE));
        TrackPicker india = new TrackPicker(new Random(1), java.time.ZoneId.of("Asia/Kolkata"));
        assertEquals(List.of(5L, 9L), playAt(india, music, onTheHour, "10:01", "10:31"));
    }

    @Test
    void thePlaysRuleHoldsATrackItsArtistAndAlbumForTheLastNTracks() {
        Rotation four = new Rotation(5, 1, PlayOrder.RANDOM, tracks(4));
        // no minutes at all: only the plays rule keeps each track out of the next two choices
        List<Long> order = play(List.of(four), 200, new Repeat(0, 2)).stream()
                .map(Played::fileId)
                .toList();
        for (int i = 2; i < order.size(); i++) {
            assertFalse(
                    order.get(i).equals(order.get(i - 1)) || order.get(i).equals(order.get(i - 2)),
                    "track " + order.get(i) + " at " + i + " played within the last two: " + order);
        }
        List<Long> free = play(List.of(four), 200, Repeat.minutes(0)).stream()
                .map(Played::fileId)
                .toList();
        boolean repeated = false;
        for (int i = 1; i < free.size(); i++) {
            repeated |= free.get(i).equals(free.get(i - 1));
        }
        assertTrue(repeated, "without the rule a random order repeats a track at once now and then: " + free);

        List<Played> history = List.of(
                new Played(1, "Ann", "A", 5L, 3 * MINUTE),
                new Played(2, "Bob", "B", 5L, 2 * MINUTE),
                new Played(3, "Cid", "C", 5L, MINUTE));
        assertTrue(TrackPicker.heldByPlays(new Candidate(9, "bob ", "Z"), history, new Repeat(0, 2)), "the artist");
        assertFalse(TrackPicker.heldByPlays(new Candidate(9, "Cid", "Z"), history, new Repeat(0, 2)), "third back");
        assertFalse(TrackPicker.heldByPlays(new Candidate(1, "Ann", "A"), history, new Repeat(0, 0)), "rule off");
    }

    @Test
    void aShowOnTheAirComesAfterQueuedAndPlayOnceTracksAndBeforeRequestsIntervalsAndTheRotation() {
        Rotation music = new Rotation(1, 5, PlayOrder.RANDOM, tracks(20));
        Interval jingles = new Interval(2, 1, null, PlayOrder.SEQUENTIAL, List.of(new Candidate(100, "J", "J")));
        TrackPicker.Scheduled show =
                new TrackPicker.Scheduled(3, 0, PlayOrder.SEQUENTIAL, List.of(new Candidate(200, "S", "S1")));
        TrackPicker.Scheduled later =
                new TrackPicker.Scheduled(4, MINUTE, PlayOrder.SEQUENTIAL, List.of(new Candidate(300, "L", "L1")));
        TrackPicker.Request request = new TrackPicker.Request(9, new Candidate(400, "R", "R1"));
        TrackPicker.Immediate once = new TrackPicker.Immediate(5, List.of(new Candidate(500, "O", "O1")), 0);
        // a jingle is due (a rotation song has played), and a request waits
        List<Played> history = List.of(new Played(7, "x", "y", 1L, 0));
        long now = 2 * MINUTE;

        Choice withShow = picker.pick(
                        List.of(),
                        List.of(),
                        List.of(show),
                        List.of(request),
                        List.of(music),
                        List.of(jingles),
                        history,
                        now,
                        WINDOW)
                .orElseThrow();
        assertEquals(200, withShow.track().fileId(), "the show before the request and the due jingle");
        assertEquals(3, withShow.playlistId());

        Choice newest = picker.pick(
                        List.of(),
                        List.of(),
                        List.of(show, later),
                        List.of(),
                        List.of(music),
                        List.of(),
                        history,
                        now,
                        WINDOW)
                .orElseThrow();
        assertEquals(300, newest.track().fileId(), "of two shows on, the one that began last");

        Choice first = picker.pick(
                        List.of(),
                        List.of(once),
                        List.of(show),
                        List.of(request),
                        List.of(music),
                        List.of(),
                        history,
                        now,
                        WINDOW)
                .orElseThrow();
        assertEquals(500, first.track().fileId(), "a play-once playlist still comes first");

        Choice without = picker.pick(
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(request),
                        List.of(music),
                        List.of(jingles),
                        history,
                        now,
                        WINDOW)
                .orElseThrow();
        assertEquals(400, without.track().fileId(), "no show: the request");
    }

    @Test
    void aShowKeepsPlayingWhenRepeatProtectionHoldsAllItsTracks() {
        Candidate only = new Candidate(200, "S", "S1");
        TrackPicker.Scheduled show = new TrackPicker.Scheduled(3, 0, PlayOrder.RANDOM, List.of(only));
        Rotation music = new Rotation(1, 5, PlayOrder.RANDOM, tracks(20));
        List<Played> history = List.of(new Played(200, "S", "S1", 3L, MINUTE));
        Choice c = picker.pick(
                        List.of(),
                        List.of(),
                        List.of(show),
                        List.of(),
                        List.of(music),
                        List.of(),
                        history,
                        2 * MINUTE,
                        WINDOW)
                .orElseThrow();
        assertEquals(200, c.track().fileId(), "the show's least recently played track, not the rotation");
        assertTrue(c.protectionOverridden());
    }
}
