/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.castpanel.autodj.api.PlayOrder;

/**
 * The choice of an AutoDJ station's next track from its general-rotation playlists, kept apart
 * from storage so the rules are tested on their own.
 *
 * <p>Repeat protection spans all of the station's playback: a track, or another track by the same
 * artist or from the same album, chosen less than the protection window ago is not chosen again.
 * A playlist is drawn by weight among those that still have an unprotected track; when every
 * candidate of every playlist is protected, the least recently played one plays rather than
 * silence.
 */
final class TrackPicker {

    /**
     * A playable track: its library order is the order of the list it comes in. Its artist and
     * album as repeat protection compares them are worked out once, when it is made: a station's
     * candidates are checked at every track, and a library may hold 50,000.
     */
    record Candidate(long fileId, String artist, String album, String artistKey, String albumKey) {
        Candidate(long fileId, String artist, String album) {
            this(fileId, artist, album, Protection.key(artist), Protection.key(album));
        }
    }

    /** One enabled rotation playlist with its tracks resolved from the library, in library order. */
    record Rotation(long playlistId, int weight, PlayOrder order, List<Candidate> tracks) {}

    /**
     * One enabled interval playlist (jingles, station IDs, adverts): due after {@code everySongs}
     * tracks of the rotation since it last played, {@code everyMinutes} after it last played, or
     * once an hour from minute {@code atMinute} on (exactly one of the three is set). Its tracks
     * are not held back by repeat protection.
     */
    record Interval(
            long playlistId,
            Integer everySongs,
            Integer everyMinutes,
            Integer atMinute,
            PlayOrder order,
            List<Candidate> tracks) {
        Interval(long playlistId, Integer everySongs, Integer everyMinutes, PlayOrder order, List<Candidate> tracks) {
            this(playlistId, everySongs, everyMinutes, null, order, tracks);
        }
    }

    /**
     * How late an hourly playlist may still play after its minute: a station that was off, or a
     * long track on the air, does not bring the top-of-the-hour jingle at twenty to.
     */
    static final long AT_MINUTE_GRACE_MILLIS = 15 * 60_000L;

    /**
     * Repeat protection: a track, its artist or album does not play again within {@code millis} of
     * its last play, nor within the station's last {@code plays} tracks (0: no such rule).
     */
    record Repeat(long millis, int plays) {
        static Repeat minutes(long millis) {
            return new Repeat(millis, 0);
        }
    }

    /** A past choice of this station, newest first in the history given to {@link #pick}. */
    record Played(long fileId, String artist, String album, Long playlistId, long chosenAtMillis) {}

    /** An enabled play-once playlist: its tracks not yet chosen since it was enabled at {@code sinceMillis} play next. */
    record Immediate(long playlistId, List<Candidate> tracks, long sinceMillis) {}

    /** A scheduled playlist whose show is on: since {@code showStartMillis}. */
    record Scheduled(long playlistId, long showStartMillis, PlayOrder order, List<Candidate> tracks) {}

    /** A listener's request whose minimum delay has passed; oldest first. */
    record Request(long requestId, Candidate track) {}

    /**
     * {@code lastOfPlaylist}: the track ends a play-once playlist, which then switches itself off;
     * {@code requestId}: it answers that listener's request (0: none; then {@code playlistId} is 0).
     */
    record Choice(
            long playlistId, Candidate track, boolean protectionOverridden, boolean lastOfPlaylist, long requestId) {
        Choice(long playlistId, Candidate track, boolean protectionOverridden, boolean lastOfPlaylist) {
            this(playlistId, track, protectionOverridden, lastOfPlaylist, 0);
        }

        Choice(long playlistId, Candidate track, boolean protectionOverridden) {
            this(playlistId, track, protectionOverridden, false, 0);
        }
    }

    private final RandomGenerator random;
    private final ZoneId zone;

    /** {@code zone}: the clock hourly playlists go by (the panel's). */
    TrackPicker(RandomGenerator random, ZoneId zone) {
        this.random = random;
        this.zone = zone;
    }

    TrackPicker(RandomGenerator random) {
        this(random, ZoneOffset.UTC);
    }

    /**
     * The next track in the order the AutoDJ consults its playlists: a play-once playlist's next
     * track (each of its tracks once, in order, not held back by repeat protection), then the
     * intervals and the rotation.
     */
    Optional<Choice> pick(
            List<Immediate> immediates,
            List<Rotation> rotations,
            List<Interval> intervals,
            List<Played> history,
            long nowMillis,
            Repeat repeat) {
        return pick(immediates, List.of(), rotations, intervals, history, nowMillis, repeat);
    }

    /**
     * The same with the tracks the station's owner queued, which come first, oldest first, and
     * are not held back by repeat protection (someone chose them), and listeners' requests, which
     * come after the play-once playlists: the oldest that repeat protection lets through now (the
     * others wait).
     */
    Optional<Choice> pick(
            List<Request> queued,
            List<Immediate> immediates,
            List<Request> requests,
            List<Rotation> rotations,
            List<Interval> intervals,
            List<Played> history,
            long nowMillis,
            Repeat repeat) {
        return pick(queued, immediates, List.of(), requests, rotations, intervals, history, nowMillis, repeat);
    }

    /**
     * The whole order: the owner's queued tracks, the play-once playlists, the show on the air (of
     * the scheduled playlists whose show is on, the one that began last: its tracks in its order,
     * under repeat protection like the rotation's), listeners' requests, the intervals and the
     * rotation.
     */
    Optional<Choice> pick(
            List<Request> queued,
            List<Immediate> immediates,
            List<Scheduled> shows,
            List<Request> requests,
            List<Rotation> rotations,
            List<Interval> intervals,
            List<Played> history,
            long nowMillis,
            Repeat repeat) {
        if (!queued.isEmpty()) {
            return Optional.of(new Choice(
                    0, queued.get(0).track(), false, false, queued.get(0).requestId()));
        }
        Optional<Choice> once = immediate(immediates, history);
        if (once.isPresent()) {
            return once;
        }
        Optional<Scheduled> show = shows.stream()
                .filter(s -> !s.tracks().isEmpty())
                .max(java.util.Comparator.comparingLong(Scheduled::showStartMillis));
        if (show.isPresent()) {
            Scheduled on = show.get();
            return pick(List.of(new Rotation(on.playlistId(), 1, on.order(), on.tracks())), history, nowMillis, repeat);
        }
        return requested(requests, rotations, intervals, history, nowMillis, repeat);
    }

    /**
     * The same with listeners' requests, which come after the play-once playlists: the oldest that
     * repeat protection lets through now (the others wait).
     */
    Optional<Choice> pick(
            List<Immediate> immediates,
            List<Request> requests,
            List<Rotation> rotations,
            List<Interval> intervals,
            List<Played> history,
            long nowMillis,
            Repeat repeat) {
        return pick(List.of(), immediates, List.of(), requests, rotations, intervals, history, nowMillis, repeat);
    }

    /** A play-once playlist's next track: each of its tracks once, in order, not held back by repeat protection. */
    private static Optional<Choice> immediate(List<Immediate> immediates, List<Played> history) {
        for (Immediate once : immediates) {
            Set<Long> played = new HashSet<>();
            for (Played p : history) {
                if (p.chosenAtMillis() >= once.sinceMillis()
                        && Long.valueOf(once.playlistId()).equals(p.playlistId())) {
                    played.add(p.fileId());
                }
            }
            List<Candidate> left = once.tracks().stream()
                    .filter(c -> !played.contains(c.fileId()))
                    .toList();
            if (!left.isEmpty()) {
                return Optional.of(new Choice(once.playlistId(), left.get(0), false, left.size() == 1));
            }
        }
        return Optional.empty();
    }

    /** The oldest request repeat protection lets through now, else the intervals and the rotation. */
    private Optional<Choice> requested(
            List<Request> requests,
            List<Rotation> rotations,
            List<Interval> intervals,
            List<Played> history,
            long nowMillis,
            Repeat repeat) {
        Protection protection = new Protection(history, nowMillis, repeat);
        for (Request r : requests) {
            if (!protection.protects(r.track())) {
                return Optional.of(new Choice(0, r.track(), false, false, r.requestId()));
            }
        }
        return pick(rotations, intervals, history, nowMillis, repeat);
    }

    /**
     * The next track: a due interval playlist's first (the one due longest, in the order given),
     * else the rotation's. Only tracks that were chosen count toward "every N songs", so a track
     * repeat protection passed over never brings a jingle sooner.
     */
    Optional<Choice> pick(
            List<Rotation> rotations, List<Interval> intervals, List<Played> history, long nowMillis, Repeat repeat) {
        Set<Long> intervalIds = new HashSet<>();
        intervals.forEach(i -> intervalIds.add(i.playlistId()));
        for (Interval interval : intervals) {
            if (!interval.tracks().isEmpty() && due(interval, intervalIds, history, nowMillis)) {
                Rotation asList = new Rotation(interval.playlistId(), 1, interval.order(), interval.tracks());
                return Optional.of(new Choice(interval.playlistId(), inOrder(asList, history), false));
            }
        }
        return pick(rotations, history, nowMillis, repeat);
    }

    private boolean due(Interval interval, Set<Long> intervalIds, List<Played> history, long nowMillis) {
        if (interval.atMinute() != null) {
            long mark = lastMark(nowMillis, interval.atMinute());
            if (nowMillis - mark > AT_MINUTE_GRACE_MILLIS) {
                return false;
            }
            return history.stream()
                    .filter(p -> Long.valueOf(interval.playlistId()).equals(p.playlistId()))
                    .findFirst()
                    .map(p -> p.chosenAtMillis() < mark)
                    .orElse(true);
        }
        int songsSince = 0;
        for (Played p : history) {
            if (Long.valueOf(interval.playlistId()).equals(p.playlistId())) {
                return interval.everySongs() != null
                        ? songsSince >= interval.everySongs()
                        : nowMillis - p.chosenAtMillis() >= interval.everyMinutes() * 60_000L;
            }
            if (p.playlistId() == null || !intervalIds.contains(p.playlistId())) {
                songsSince++;
            }
        }
        // never played yet: after its first N songs, or at once when it goes by the clock
        return interval.everySongs() != null ? songsSince >= interval.everySongs() : true;
    }

    /** The latest moment at minute {@code minute} of an hour, by this picker's clock, not after {@code nowMillis}. */
    long lastMark(long nowMillis, int minute) {
        ZonedDateTime now = Instant.ofEpochMilli(nowMillis).atZone(zone);
        ZonedDateTime mark = now.withMinute(minute).withSecond(0).withNano(0);
        if (mark.isAfter(now)) {
            mark = mark.minusHours(1);
        }
        return mark.toInstant().toEpochMilli();
    }

    /** The next track of the general rotation alone. */
    Optional<Choice> pick(List<Rotation> rotations, List<Played> history, long nowMillis, Repeat repeat) {
        Protection protection = new Protection(history, nowMillis, repeat);
        List<Rotation> open = new ArrayList<>();
        for (Rotation r : rotations) {
            // a playlist is open with one unprotected track: found at once, almost always
            if (r.weight() > 0 && r.tracks().stream().anyMatch(c -> !protection.protects(c))) {
                open.add(r);
            }
        }
        if (open.isEmpty()) {
            return leastRecentlyPlayed(rotations, history);
        }
        Rotation chosen = byWeight(open);
        return Optional.of(new Choice(chosen.playlistId(), inOrder(chosen, protection, history), false));
    }

    private Rotation byWeight(List<Rotation> open) {
        int total = open.stream().mapToInt(Rotation::weight).sum();
        int ticket = random.nextInt(total);
        for (Rotation r : open) {
            ticket -= r.weight();
            if (ticket < 0) {
                return r;
            }
        }
        return open.get(open.size() - 1);
    }

    /** The rotation's next track among those repeat protection lets through (there is one). */
    private Candidate inOrder(Rotation rotation, Protection protection, List<Played> history) {
        return switch (rotation.order()) {
            case RANDOM -> anyOf(rotation.tracks(), c -> !protection.protects(c));
            case SHUFFLE -> {
                Set<Long> thisCycle = playedThisCycle(rotation, history);
                Candidate fresh =
                        anyOf(rotation.tracks(), c -> !protection.protects(c) && !thisCycle.contains(c.fileId()));
                yield fresh != null ? fresh : anyOf(rotation.tracks(), c -> !protection.protects(c));
            }
            case SEQUENTIAL -> {
                List<Candidate> all = rotation.tracks();
                int last = lastPosition(rotation, history);
                Candidate next = null;
                for (int step = 1; step <= all.size() && next == null; step++) {
                    Candidate c = all.get((last + step) % all.size());
                    if (!protection.protects(c)) {
                        next = c;
                    }
                }
                yield next;
            }
        };
    }

    /** Interval playlists go in order and are not held back by repeat protection. */
    private Candidate inOrder(Rotation rotation, List<Played> history) {
        return inOrder(rotation, new Protection(List.of(), 0, new Repeat(0, 0)), history);
    }

    /**
     * One of the tracks that pass, each as likely as the others, or null when none does. A few
     * random tries first: with a large library almost every track passes, and filtering all of
     * them at every track is what the choice would spend its time on; a try that passes is as
     * likely for every passing track, so the draw is the same as one from the filtered list.
     */
    private Candidate anyOf(List<Candidate> tracks, java.util.function.Predicate<Candidate> passes) {
        for (int attempt = 0; attempt < 16; attempt++) {
            Candidate c = tracks.get(random.nextInt(tracks.size()));
            if (passes.test(c)) {
                return c;
            }
        }
        List<Candidate> passing = tracks.stream().filter(passes).toList();
        return passing.isEmpty() ? null : passing.get(random.nextInt(passing.size()));
    }

    /**
     * The tracks of this playlist played in its current cycle: its plays from the oldest on, a
     * cycle ending each time every track has played (the newest plays can only be told apart from
     * the ones before them this way round).
     */
    private static Set<Long> playedThisCycle(Rotation rotation, List<Played> history) {
        Set<Long> played = new HashSet<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            Played p = history.get(i);
            if (Long.valueOf(rotation.playlistId()).equals(p.playlistId()) && holds(rotation.tracks(), p.fileId())) {
                played.add(p.fileId());
                if (played.size() == rotation.tracks().size()) {
                    played.clear();
                }
            }
        }
        return played;
    }

    /** Whether the file is one of the tracks: a {@link TrackList} knows at once, another list is searched. */
    private static boolean holds(List<Candidate> tracks, long fileId) {
        if (tracks instanceof TrackList known) {
            return known.holds(fileId);
        }
        return tracks.stream().anyMatch(c -> c.fileId() == fileId);
    }

    /** Where this playlist's last play stands in its track list, or -1 (start at the top). */
    private static int lastPosition(Rotation rotation, List<Played> history) {
        for (Played p : history) {
            if (Long.valueOf(rotation.playlistId()).equals(p.playlistId()) && holds(rotation.tracks(), p.fileId())) {
                for (int i = 0; i < rotation.tracks().size(); i++) {
                    if (rotation.tracks().get(i).fileId() == p.fileId()) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * Tracks in library order that also answer at once whether they hold a file: a playlist's
     * tracks as the AutoDJ keeps them between tracks, read at every one.
     */
    static final class TrackList extends java.util.AbstractList<Candidate> implements java.util.RandomAccess {
        private final List<Candidate> tracks;
        private final long[] sortedIds;

        TrackList(List<Candidate> tracks) {
            this.tracks = List.copyOf(tracks);
            this.sortedIds =
                    this.tracks.stream().mapToLong(Candidate::fileId).sorted().toArray();
        }

        @Override
        public Candidate get(int index) {
            return tracks.get(index);
        }

        @Override
        public int size() {
            return tracks.size();
        }

        boolean holds(long fileId) {
            return java.util.Arrays.binarySearch(sortedIds, fileId) >= 0;
        }
    }

    /** Every candidate is protected: the one played longest ago (or never) plays. */
    private Optional<Choice> leastRecentlyPlayed(List<Rotation> rotations, List<Played> history) {
        Map<Long, Integer> age = new HashMap<>(); // position in the history: higher is older
        for (int i = history.size() - 1; i >= 0; i--) {
            age.put(history.get(i).fileId(), i);
        }
        Choice best = null;
        int bestAge = -1;
        for (Rotation r : rotations) {
            if (r.weight() <= 0) {
                continue;
            }
            for (Candidate c : r.tracks()) {
                int a = age.getOrDefault(c.fileId(), Integer.MAX_VALUE);
                if (a > bestAge) {
                    bestAge = a;
                    best = new Choice(r.playlistId(), c, true);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** When the minutes rule lets the track play again: {@code nowMillis} when it may now. */
    static long freeAt(Candidate track, List<Played> history, long nowMillis, Repeat repeat) {
        long free = nowMillis;
        for (Played p : history) {
            if (p.chosenAtMillis() + repeat.millis() > free && Protection.shares(p, track)) {
                free = p.chosenAtMillis() + repeat.millis();
            }
        }
        return free;
    }

    /** Whether the plays rule holds the track: it, its artist or album is among the last {@code plays} tracks. */
    static boolean heldByPlays(Candidate track, List<Played> history, Repeat repeat) {
        return history.stream().limit(repeat.plays()).anyMatch(p -> Protection.shares(p, track));
    }

    /** What the recent history protects: tracks, artists and albums chosen inside the window or the last plays. */
    private static final class Protection {
        private final Set<Long> tracks = new HashSet<>();
        private final Set<String> artists = new HashSet<>();
        private final Set<String> albums = new HashSet<>();

        Protection(List<Played> history, long nowMillis, Repeat repeat) {
            long since = nowMillis - repeat.millis();
            for (int i = 0; i < history.size(); i++) {
                Played p = history.get(i);
                if (p.chosenAtMillis() < since && i >= repeat.plays()) {
                    continue;
                }
                tracks.add(p.fileId());
                String artist = key(p.artist());
                if (artist != null) {
                    artists.add(artist);
                }
                String album = key(p.album());
                if (album != null) {
                    albums.add(album);
                }
            }
        }

        boolean protects(Candidate c) {
            return tracks.contains(c.fileId())
                    || (c.artistKey() != null && artists.contains(c.artistKey()))
                    || (c.albumKey() != null && albums.contains(c.albumKey()));
        }

        /** The same track, artist or album. */
        static boolean shares(Played p, Candidate c) {
            return p.fileId() == c.fileId()
                    || (c.artistKey() != null && c.artistKey().equals(key(p.artist())))
                    || (c.albumKey() != null && c.albumKey().equals(key(p.album())));
        }

        /** Tags compared without case and surrounding space; an empty tag protects nothing (null). */
        static String key(String tag) {
            if (tag == null || tag.isBlank()) {
                return null;
            }
            return tag.strip().toLowerCase(Locale.ROOT);
        }
    }
}
