/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.internal;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import javax.persistence.EntityManager;

import org.castpanel.autodj.api.AutoDj;
import org.castpanel.autodj.api.NowPlaying;
import org.castpanel.autodj.api.PlayOrder;
import org.castpanel.autodj.api.PlayedTrack;
import org.castpanel.autodj.api.Playlist;
import org.castpanel.autodj.api.PlaylistEntry;
import org.castpanel.autodj.api.PlaylistInput;
import org.castpanel.autodj.api.PlaylistKind;
import org.castpanel.autodj.api.PlaylistSchedule;
import org.castpanel.autodj.api.ScheduleRepeat;
import org.castpanel.autodj.api.ScheduledShow;
import org.castpanel.core.api.AuditService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.PanelEvents;
import org.castpanel.engine.api.platform.Playout;
import org.castpanel.engine.api.platform.ServiceDirectories;
import org.castpanel.media.api.MediaLibrary;
import org.castpanel.persistence.MediaFileEntity;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.PlayEntity;
import org.castpanel.persistence.PlaylistEntity;
import org.castpanel.persistence.SongRequestEntity;
import org.castpanel.persistence.Store;
import org.castpanel.services.api.MediaServices;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The AutoDJ's playout: playlists of the owner's library per AutoDJ service, the choice of each
 * next track ({@link TrackPicker}), the history it is made from, now playing. Users reach it
 * through {@link AutoDj} (tenancy through {@link MediaServices}); the engine plugin through
 * {@link Playout}.
 */
@Component(service = {AutoDj.class, Playout.class, AutoDjImpl.class})
public class AutoDjImpl implements AutoDj, Playout {

    static final int MOST_PLAYLISTS = 50;
    static final int MOST_ENTRIES = 200;
    /** What the entries column holds. */
    static final int MOST_ENTRIES_CHARS = 8_000;
    /** Plays the picker reads: enough for a shuffle cycle of a large playlist and any window. */
    static final int HISTORY_READ = 5_000;
    /** The most playlist tracks kept resolved between tracks (about 150 bytes each). */
    static final long MOST_RESOLVED_TRACKS = 200_000;
    /**
     * A station's plays newest first. Ordered by the service too (the queries ask for one), so H2
     * reads the history's index in order and stops at the limit: it does not see that an equal
     * leading column leaves the rest of the order to the index, and sorted every play otherwise.
     */
    private static final String NEWEST_PLAYS_FIRST = " ORDER BY p.serviceId, p.chosenAt DESC, p.id DESC";
    /** Plays older than this are dropped as new ones are made. */
    static final long HISTORY_KEPT_MILLIS = 90L * 24 * 3600 * 1000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<PlaylistEntry>> ENTRIES = new TypeReference<>() {};

    private final Store store;
    private final MediaServices services;
    private final ServiceDirectories directories;
    private final AuditService audit;
    private final PanelEvents events;
    private final DjsImpl djs;
    private final MediaLibrary library;
    /** The clock hourly playlists and schedules go by: the panel's. */
    private final ZoneId zone = ZoneId.systemDefault();

    private final TrackPicker picker = new TrackPicker(new Random(), zone);
    private final ResolvedPlaylists resolved = new ResolvedPlaylists(MOST_RESOLVED_TRACKS);
    /** Held while a station's next track is chosen or its track goes on the air. */
    private final Map<Long, Object> stationLocks = new java.util.concurrent.ConcurrentHashMap<>();
    /** When each station's history was last trimmed to {@link #HISTORY_KEPT_MILLIS}. */
    private final Map<Long, Long> historyTrimmedAt = new java.util.concurrent.ConcurrentHashMap<>();

    @Activate
    public AutoDjImpl(
            final @Reference Store store,
            final @Reference MediaServices services,
            final @Reference ServiceDirectories directories,
            final @Reference AuditService audit,
            final @Reference PanelEvents events,
            final @Reference DjsImpl djs,
            final @Reference MediaLibrary library) {
        this.store = store;
        this.library = library;
        this.djs = djs;
        this.services = services;
        this.directories = directories;
        this.audit = audit;
        this.events = events;
    }

    // --- playlists ---------------------------------------------------------------------------

    @Override
    public List<Playlist> playlists(Caller caller, long serviceId) {
        return store.read(em -> {
            MediaServiceEntity s = station(em, caller, serviceId);
            return playlistRows(em, serviceId).stream()
                    .map(p -> toPlaylist(em, s, p))
                    .toList();
        });
    }

    @Override
    public Playlist playlist(Caller caller, long serviceId, long playlistId) {
        return store.read(em -> {
            MediaServiceEntity s = station(em, caller, serviceId);
            return toPlaylist(em, s, playlistRow(em, serviceId, playlistId));
        });
    }

    @Override
    public Playlist create(Caller caller, long serviceId, PlaylistInput input) {
        if (input == null) {
            throw CastPanelException.badRequest(null, "a playlist is required");
        }
        return store.write(em -> {
            MediaServiceEntity s = station(em, caller, serviceId);
            List<PlaylistEntity> existing = playlistRows(em, serviceId);
            if (existing.size() >= MOST_PLAYLISTS) {
                throw CastPanelException.conflict(
                        "service " + serviceId + " has " + MOST_PLAYLISTS + " playlists, the most it may have");
            }
            PlaylistEntity p = new PlaylistEntity();
            p.id = store.nextId("cp_autodj_playlist");
            p.serviceId = serviceId;
            p.kind = PlaylistKind.ROTATION.name();
            p.enabled = true;
            p.weight = 5;
            p.playOrder = PlayOrder.SHUFFLE.name();
            p.entries = "[]";
            p.createdAt = System.currentTimeMillis();
            p.enabledAt = p.createdAt;
            if (input.name() == null) {
                throw CastPanelException.invalid("name", "name is required");
            }
            apply(em, s, p, input, existing);
            p.updatedAt = p.createdAt;
            em.persist(p);
            audit.record(caller, "playlist.create", "service", s.id, s.ownerPath, p.name);
            return toPlaylist(em, s, p);
        });
    }

    @Override
    public Playlist update(Caller caller, long serviceId, long playlistId, PlaylistInput input) {
        if (input == null) {
            throw CastPanelException.badRequest(null, "the changes are required");
        }
        return store.write(em -> {
            MediaServiceEntity s = station(em, caller, serviceId);
            PlaylistEntity p = playlistRow(em, serviceId, playlistId);
            List<PlaylistEntity> others = playlistRows(em, serviceId).stream()
                    .filter(o -> o.id != playlistId)
                    .toList();
            apply(em, s, p, input, others);
            p.updatedAt = System.currentTimeMillis();
            audit.record(caller, "playlist.update", "service", s.id, s.ownerPath, p.name);
            return toPlaylist(em, s, p);
        });
    }

    @Override
    public void delete(Caller caller, long serviceId, long playlistId) {
        store.write(em -> {
            MediaServiceEntity s = station(em, caller, serviceId);
            PlaylistEntity p = playlistRow(em, serviceId, playlistId);
            em.remove(p);
            audit.record(caller, "playlist.delete", "service", s.id, s.ownerPath, p.name);
            return null;
        });
    }

    /** Validates the whole input before it changes anything: a refused change leaves the row as it was. */
    private void apply(
            EntityManager em, MediaServiceEntity s, PlaylistEntity p, PlaylistInput in, List<PlaylistEntity> others) {
        String name = p.name;
        if (in.name() != null) {
            name = DisplayNames.checked(in.name());
            String finalName = name;
            if (others.stream().anyMatch(o -> o.name.equalsIgnoreCase(finalName))) {
                throw CastPanelException.conflict("name", "service " + s.id + " already has a playlist " + name);
            }
        }
        int weight = p.weight;
        if (in.weight() != null) {
            if (in.weight() < 1 || in.weight() > 100) {
                throw CastPanelException.invalid("weight", "weight must be 1-100");
            }
            weight = in.weight();
        }
        Double crossfade = p.crossfadeSeconds;
        if (in.crossfadeSeconds() != null) {
            double c = in.crossfadeSeconds();
            if (!(c >= 0 && c <= 30)) {
                throw CastPanelException.invalid("crossfadeSeconds", "crossfadeSeconds must be 0-30");
            }
            crossfade = c;
        }
        String kind = in.kind() != null ? in.kind().name() : p.kind;
        Integer everySongs = in.everySongs() == null ? p.everySongs : in.everySongs() == 0 ? null : in.everySongs();
        Integer everyMinutes =
                in.everyMinutes() == null ? p.everyMinutes : in.everyMinutes() == 0 ? null : in.everyMinutes();
        Integer atMinute = p.atMinute;
        int given = (in.everySongs() != null && in.everySongs() != 0 ? 1 : 0)
                + (in.everyMinutes() != null && in.everyMinutes() != 0 ? 1 : 0)
                + (in.atMinute() != null ? 1 : 0);
        if (given == 1) {
            // the one given is how it plays from now on
            everySongs = in.everySongs() != null && in.everySongs() != 0 ? in.everySongs() : null;
            everyMinutes = in.everyMinutes() != null && in.everyMinutes() != 0 ? in.everyMinutes() : null;
            atMinute = in.atMinute();
        }
        if (PlaylistKind.INTERVAL.name().equals(kind)) {
            int set = (everySongs != null ? 1 : 0) + (everyMinutes != null ? 1 : 0) + (atMinute != null ? 1 : 0);
            if (given > 1 || set != 1) {
                throw CastPanelException.invalid(
                        "everySongs",
                        "an interval playlist plays either every N songs (everySongs), every N minutes (everyMinutes) "
                                + "or hourly at a minute (atMinute)");
            }
            if (everySongs != null && (everySongs < 1 || everySongs > 100)) {
                throw CastPanelException.invalid("everySongs", "everySongs must be 1-100");
            }
            if (everyMinutes != null && (everyMinutes < 1 || everyMinutes > 1440)) {
                throw CastPanelException.invalid("everyMinutes", "everyMinutes must be 1-1440");
            }
            if (atMinute != null && (atMinute < 0 || atMinute > 59)) {
                throw CastPanelException.invalid("atMinute", "atMinute must be 0-59");
            }
        } else {
            everySongs = null;
            everyMinutes = null;
            atMinute = null;
        }
        Schedule schedule = schedule(p, kind, in.schedule());
        String entries = p.entries;
        if (in.entries() != null) {
            entries = write(entries(em, s, in.entries()));
            if (entries.length() > MOST_ENTRIES_CHARS) {
                throw CastPanelException.invalid(
                        "entries", "the entries are too long to keep (most 8,000 characters): use fewer, or folders");
            }
        }
        p.name = name;
        p.weight = weight;
        p.crossfadeSeconds = crossfade;
        p.entries = entries;
        p.kind = kind;
        p.everySongs = everySongs;
        p.everyMinutes = everyMinutes;
        p.atMinute = atMinute;
        p.scheduleStart = schedule.start();
        p.scheduleMinutes = schedule.minutes();
        p.scheduleRepeat = schedule.repeat();
        p.interruptible = schedule.interruptible();
        if (in.order() != null) {
            p.playOrder = in.order().name();
        }
        if (in.enabled() != null) {
            if (in.enabled() && !p.enabled) {
                p.enabledAt = System.currentTimeMillis(); // a play-once playlist plays again from here
            }
            p.enabled = in.enabled();
        }
    }

    /** A scheduled playlist's schedule as it is to be stored (all null for the other kinds). */
    private record Schedule(String start, Integer minutes, String repeat, boolean interruptible) {}

    private static Schedule schedule(PlaylistEntity p, String kind, PlaylistSchedule given) {
        if (!PlaylistKind.SCHEDULED.name().equals(kind)) {
            return new Schedule(null, null, null, false);
        }
        if (given == null && p.scheduleStart == null) {
            throw CastPanelException.invalid(
                    "schedule",
                    "a scheduled playlist needs its schedule: a start (yyyy-MM-ddTHH:mm) and its minutes or end");
        }
        if (given == null) {
            return new Schedule(p.scheduleStart, p.scheduleMinutes, p.scheduleRepeat, p.interruptible);
        }
        String start = p.scheduleStart;
        if (given.start() != null) {
            start = ShowTimes.parse(given.start())
                    .map(ShowTimes.FORM::format)
                    .orElseThrow(() -> CastPanelException.invalid(
                            "schedule.start",
                            "schedule.start must be a date and time as yyyy-MM-ddTHH:mm, e.g. 2026-12-24T18:00"));
        }
        if (start == null) {
            throw CastPanelException.invalid("schedule.start", "schedule.start is required");
        }
        if (given.minutes() != null && given.end() != null) {
            throw CastPanelException.invalid("schedule.end", "give the show's minutes or its end, not both");
        }
        Integer minutes = p.scheduleMinutes;
        if (given.minutes() != null) {
            if (given.minutes() < 1 || given.minutes() > ShowTimes.MOST_MINUTES) {
                throw CastPanelException.invalid("schedule.minutes", "schedule.minutes must be 1-1440");
            }
            minutes = given.minutes();
        } else if (given.end() != null) {
            LocalDateTime end = ShowTimes.parse(given.end())
                    .orElseThrow(() -> CastPanelException.invalid(
                            "schedule.end", "schedule.end must be a date and time as yyyy-MM-ddTHH:mm"));
            long length =
                    Duration.between(ShowTimes.parse(start).orElseThrow(), end).toMinutes();
            if (length < 1 || length > ShowTimes.MOST_MINUTES) {
                throw CastPanelException.invalid(
                        "schedule.end", "schedule.end must be after the start, and at most a day after it");
            }
            minutes = (int) length;
        }
        if (minutes == null) {
            throw CastPanelException.invalid("schedule.minutes", "a show needs its minutes (1-1440) or its end");
        }
        String repeat = given.repeat() != null
                ? given.repeat().name()
                : p.scheduleRepeat != null ? p.scheduleRepeat : ScheduleRepeat.NONE.name();
        boolean interruptible = given.interruptible() != null ? given.interruptible() : p.interruptible;
        return new Schedule(start, minutes, repeat, interruptible);
    }

    /** When a scheduled playlist's shows are on. */
    ShowTimes showTimes(PlaylistEntity p) {
        return new ShowTimes(
                ShowTimes.parse(p.scheduleStart).orElseThrow(),
                p.scheduleMinutes,
                ScheduleRepeat.valueOf(p.scheduleRepeat),
                zone);
    }

    @Override
    public List<ScheduledShow> schedule(Caller caller, long serviceId, LocalDate from, int days) {
        if (days < 1 || days > 42) {
            throw CastPanelException.invalid("days", "days must be 1-42");
        }
        LocalDate first = from != null ? from : LocalDate.now(zone);
        long fromMillis = first.atStartOfDay(zone).toInstant().toEpochMilli();
        long toMillis = first.plusDays(days).atStartOfDay(zone).toInstant().toEpochMilli();
        return store.read(em -> {
            station(em, caller, serviceId);
            List<ScheduledShow> shows = new ArrayList<>();
            for (PlaylistEntity p : playlistRows(em, serviceId)) {
                if (PlaylistKind.SCHEDULED.name().equals(p.kind)) {
                    for (ShowTimes.Show show : showTimes(p).between(fromMillis, toMillis)) {
                        shows.add(new ScheduledShow(
                                p.id,
                                p.name,
                                p.enabled,
                                Instant.ofEpochMilli(show.startMillis()),
                                Instant.ofEpochMilli(show.endMillis()),
                                p.interruptible));
                    }
                }
            }
            shows.sort(Comparator.comparing(ScheduledShow::start).thenComparing(ScheduledShow::name));
            return shows;
        });
    }

    /** Each entry is a folder of the owner's library or one of its audio files, nothing else. */
    private List<PlaylistEntry> entries(EntityManager em, MediaServiceEntity s, List<PlaylistEntry> given) {
        if (given.size() > MOST_ENTRIES) {
            throw CastPanelException.invalid("entries", "a playlist has at most " + MOST_ENTRIES + " entries");
        }
        List<PlaylistEntry> clean = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            PlaylistEntry e = given.get(i);
            String field = "entries[" + i + "]";
            boolean byTags = e != null && (e.artist() != null || e.album() != null);
            if (e == null || (e.folder() != null ? 1 : 0) + (e.track() != null ? 1 : 0) + (byTags ? 1 : 0) != 1) {
                throw CastPanelException.invalid(
                        field, field + " must have one of a folder, a track, an artist or an album");
            }
            if (byTags) {
                PlaylistEntry tags = new PlaylistEntry(null, null, tag(field, e.artist()), tag(field, e.album()));
                if (resolve(em, s.ownerId, List.of(tags)).isEmpty()) {
                    throw CastPanelException.invalid(
                            field,
                            "the library has no tracks "
                                    + (tags.album() == null ? "" : "of the album " + tags.album() + " ")
                                    + (tags.artist() == null ? "" : "by " + tags.artist()));
                }
                clean.add(tags);
            } else if (e.track() != null) {
                MediaFileEntity f = em.find(MediaFileEntity.class, e.track());
                if (f == null || f.accountId != s.ownerId || !"audio".equals(f.kind)) {
                    throw CastPanelException.invalid(
                            field, "track " + e.track() + " is not an audio file of this customer's library");
                }
                clean.add(new PlaylistEntry(null, f.id));
            } else {
                clean.add(new PlaylistEntry(folder(field, s.ownerId, e.folder()), null));
            }
        }
        return clean;
    }

    /** An artist or album as an entry names it: 1-300 characters without control characters, or null. */
    private static String tag(String field, String given) {
        if (given == null) {
            return null;
        }
        String t = given.strip();
        if (t.isEmpty() || t.length() > 300 || t.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw CastPanelException.invalid(field, "an artist or album is 1-300 characters on one line");
        }
        return t;
    }

    /** A library folder as the index stores it ("" for the whole library), which must exist. */
    private String folder(String field, long ownerId, String given) {
        String f = given.strip().replaceAll("^/+|/+$", "");
        if (f.length() > 255
                || f.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')
                || List.of(f.split("/")).stream().anyMatch(part -> part.equals("..") || part.equals("."))
                || f.contains("//")) {
            throw CastPanelException.invalid(field, "not a folder of the library: " + given);
        }
        Path root = directories.contentDirectory(ownerId);
        Path dir = f.isEmpty() ? root : root.resolve(f).normalize();
        boolean inside = dir.startsWith(root);
        for (Path p = dir; inside && !p.equals(root); p = p.getParent()) {
            inside = !Files.isSymbolicLink(p);
        }
        if (!inside || (!f.isEmpty() && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS))) {
            throw CastPanelException.invalid(field, "the library has no folder " + given);
        }
        return f;
    }

    // --- history and now playing -------------------------------------------------------------

    @Override
    public List<PlayedTrack> history(Caller caller, long serviceId, int limit) {
        if (limit < 1 || limit > 500) {
            throw CastPanelException.invalid("limit", "limit must be 1-500");
        }
        return store.read(em -> {
            station(em, caller, serviceId);
            return played(em, serviceId, limit);
        });
    }

    @Override
    public NowPlaying nowPlaying(Caller caller, long serviceId) {
        return store.read(em -> nowPlaying(em, station(em, caller, serviceId)));
    }

    @Override
    public NowPlaying publicNowPlaying(long serviceId) {
        return store.read(em -> {
            MediaServiceEntity s = em.find(MediaServiceEntity.class, serviceId);
            if (s == null || s.deleting || !Stations.AUTODJ_TYPE.equals(s.engineType)) {
                throw CastPanelException.notFound("AutoDJ station", serviceId);
            }
            return nowPlaying(em, s);
        });
    }

    private NowPlaying nowPlaying(EntityManager em, MediaServiceEntity s) {
        List<PlayedTrack> recent = new ArrayList<>(played(em, s.id, 11));
        PlayedTrack next = null;
        if (!recent.isEmpty() && recent.get(0).onAirAt() == null) {
            next = recent.remove(0);
        }
        PlayedTrack current = null;
        if (!recent.isEmpty() && recent.get(0).onAirAt() != null) {
            current = recent.remove(0);
        }
        Object station = s.settings().get("streamName");
        return new NowPlaying(
                s.id,
                station == null || station.toString().isBlank() ? s.name : station.toString(),
                current,
                next,
                recent.subList(0, Math.min(recent.size(), 10)),
                djs.live(s.id));
    }

    private List<PlayedTrack> played(EntityManager em, long serviceId, int limit) {
        List<PlayEntity> rows = em.createQuery(
                        "SELECT p FROM PlayEntity p WHERE p.serviceId = :s" + NEWEST_PLAYS_FIRST, PlayEntity.class)
                .setParameter("s", serviceId)
                .setMaxResults(limit)
                .getResultList();
        Map<Long, String> names = new LinkedHashMap<>();
        playlistRows(em, serviceId).forEach(p -> names.put(p.id, p.name));
        return rows.stream()
                .map(p -> new PlayedTrack(
                        p.fileId,
                        p.title,
                        p.artist,
                        p.album,
                        p.playlistId == null ? null : names.get(p.playlistId),
                        p.requestId != null,
                        Instant.ofEpochMilli(p.chosenAt),
                        p.onAirAt == null ? null : Instant.ofEpochMilli(p.onAirAt),
                        p.requestId != null && queued(em, p.requestId)))
                .toList();
    }

    private static boolean queued(EntityManager em, long requestId) {
        SongRequestEntity r = em.find(SongRequestEntity.class, requestId);
        return r != null && r.queued;
    }

    // --- the engine plugin's questions -------------------------------------------------------

    @Override
    public Optional<Track> next(long serviceId) {
        // one choice per station at a time: liquidsoap may ask twice at once (its own prefetch and a
        // refresh), and two choices reading the same waiting request both took it, the second then
        // dropped as skipped put it back in the queue, and it played twice
        synchronized (stationLock(serviceId)) {
            return choose(serviceId);
        }
    }

    private Object stationLock(long serviceId) {
        return stationLocks.computeIfAbsent(serviceId, id -> new Object());
    }

    private Optional<Track> choose(long serviceId) {
        return store.write(em -> {
            MediaServiceEntity s = em.find(MediaServiceEntity.class, serviceId);
            if (s == null || s.deleting || !Stations.AUTODJ_TYPE.equals(s.engineType)) {
                return Optional.empty();
            }
            long now = System.currentTimeMillis();
            Map<Long, PlaylistEntity> playlists = new LinkedHashMap<>();
            List<PlaylistEntity> rows = playlistRows(em, serviceId); // read once for every kind
            List<TrackPicker.Rotation> rotations = rotations(em, s, rows, playlists);
            List<TrackPicker.Interval> intervals = intervals(em, s, rows, playlists);
            List<TrackPicker.Immediate> immediates = immediates(em, s, rows, playlists);
            List<TrackPicker.Scheduled> shows = shows(em, s, rows, playlists, startOfNext(em, serviceId, now));
            Optional<TrackPicker.Choice> choice = picker.pick(
                    queued(em, s),
                    immediates,
                    shows,
                    requests(em, s, now),
                    rotations,
                    intervals,
                    recentPlays(em, serviceId),
                    now,
                    repeat(s));
            if (choice.isEmpty()) {
                return Optional.empty();
            }
            MediaFileEntity f =
                    em.find(MediaFileEntity.class, choice.get().track().fileId());
            if (f == null) { // deleted after its playlist was resolved, before the count of changes moved
                resolved.clear();
                return Optional.empty(); // liquidsoap asks again a second later
            }
            PlayEntity play = new PlayEntity();
            play.id = store.nextId("cp_autodj_play");
            play.serviceId = serviceId;
            play.fileId = f.id;
            if (choice.get().requestId() > 0) {
                play.requestId = choice.get().requestId();
                em.find(SongRequestEntity.class, play.requestId).playId = play.id;
            } else {
                play.playlistId = choice.get().playlistId();
            }
            play.title = title(f);
            play.artist = f.artist;
            play.album = f.album;
            play.chosenAt = now;
            em.persist(play);
            if (choice.get().lastOfPlaylist()) {
                playlists.get(play.playlistId).enabled = false; // played once: done
            }
            // the history's end is trimmed once an hour per station, not at every track
            Long trimmed = historyTrimmedAt.get(serviceId);
            if (trimmed == null || now - trimmed > 3_600_000L) {
                historyTrimmedAt.put(serviceId, now);
                em.createQuery("DELETE FROM SongRequestEntity r WHERE r.serviceId = :s AND r.requestedAt < :t")
                        .setParameter("s", serviceId)
                        .setParameter("t", now - HISTORY_KEPT_MILLIS)
                        .executeUpdate();
                em.createQuery("DELETE FROM PlayEntity p WHERE p.serviceId = :s AND p.chosenAt < :t")
                        .setParameter("s", serviceId)
                        .setParameter("t", now - HISTORY_KEPT_MILLIS)
                        .executeUpdate();
            }
            return Optional.of(track(s, f, play.id, play.playlistId == null ? null : playlists.get(play.playlistId)));
        });
    }

    @Override
    public void onAir(long serviceId, long trackId) {
        NowPlaying now;
        synchronized (stationLock(serviceId)) { // its drop of skipped choices must not cross a choice
            now = onAirNow(serviceId, trackId);
        }
        if (now != null) {
            String ownerPath = store.read(em -> em.find(MediaServiceEntity.class, serviceId).ownerPath);
            events.publish(new PanelEvents.Event("autodj.track", ownerPath, now));
        }
    }

    private NowPlaying onAirNow(long serviceId, long trackId) {
        return store.write(em -> {
            PlayEntity play = em.find(PlayEntity.class, trackId);
            MediaServiceEntity s = em.find(MediaServiceEntity.class, serviceId);
            if (play == null || play.serviceId != serviceId || s == null) {
                return null;
            }
            if (play.onAirAt == null) {
                play.onAirAt = System.currentTimeMillis();
                dropSkipped(em, play);
            }
            em.flush();
            return nowPlaying(em, s);
        });
    }

    /**
     * Tracks chosen before this one that never went on the air were dropped by the station (a skip
     * asks again): they leave the history, and a listener's request one of them answered waits again.
     */
    private static void dropSkipped(EntityManager em, PlayEntity onAir) {
        List<PlayEntity> dropped = em.createQuery(
                        "SELECT p FROM PlayEntity p WHERE p.serviceId = :s AND p.onAirAt IS NULL AND p.id <> :id"
                                + " AND p.chosenAt <= :t",
                        PlayEntity.class)
                .setParameter("s", onAir.serviceId)
                .setParameter("id", onAir.id)
                .setParameter("t", onAir.chosenAt)
                .getResultList();
        for (PlayEntity p : dropped) {
            if (p.requestId != null) {
                SongRequestEntity r = em.find(SongRequestEntity.class, p.requestId);
                if (r != null && Long.valueOf(p.id).equals(r.playId)) {
                    r.playId = null;
                }
            }
            em.remove(p);
        }
    }

    @Override
    public List<Track> fallback(long serviceId, int max) {
        return store.read(em -> {
            MediaServiceEntity s = em.find(MediaServiceEntity.class, serviceId);
            if (s == null) {
                return List.of();
            }
            Map<Long, PlaylistEntity> playlists = new LinkedHashMap<>();
            List<Long> ids = new ArrayList<>();
            for (TrackPicker.Rotation r : rotations(em, s, playlists)) {
                r.tracks().forEach(c -> ids.add(c.fileId()));
            }
            Collections.shuffle(ids);
            return ids.stream()
                    .distinct()
                    .limit(max)
                    .map(id -> em.find(MediaFileEntity.class, id))
                    .map(f -> track(s, f, 0, null))
                    .toList();
        });
    }

    @Override
    public Optional<String> unplayable(long serviceId) {
        return store.read(em -> {
            MediaServiceEntity s = em.find(MediaServiceEntity.class, serviceId);
            if (s == null) {
                return Optional.of("service " + serviceId + " does not exist");
            }
            boolean anyEnabled = playlistRows(em, serviceId).stream().anyMatch(p -> p.enabled);
            if (!anyEnabled) {
                return Optional.of("the AutoDJ has no enabled playlist: add one with folders or tracks of the "
                        + "media library (POST /services/" + serviceId + "/playlists)");
            }
            if (rotations(em, s, new LinkedHashMap<>()).isEmpty()) {
                return Optional.of("the AutoDJ's enabled rotation playlists have no playable track: upload audio to "
                        + "the media library, or add folders that hold some");
            }
            return Optional.empty();
        });
    }

    /** A deleted service's playlists and history go with it. */
    void forget(long serviceId) {
        historyTrimmedAt.remove(serviceId);
        stationLocks.remove(serviceId);
        store.write(em -> {
            em.createQuery("DELETE FROM PlaylistEntity p WHERE p.serviceId = :s")
                    .setParameter("s", serviceId)
                    .executeUpdate();
            em.createQuery("DELETE FROM PlayEntity p WHERE p.serviceId = :s")
                    .setParameter("s", serviceId)
                    .executeUpdate();
            em.createQuery("DELETE FROM SongRequestEntity r WHERE r.serviceId = :s")
                    .setParameter("s", serviceId)
                    .executeUpdate();
            return null;
        });
    }

    // --- shared ------------------------------------------------------------------------------

    /** The AutoDJ service the caller sees: 404 for another tenant's, 409 for a service of another type. */
    private MediaServiceEntity station(EntityManager em, Caller caller, long serviceId) {
        return Stations.autodj(em, services, caller, serviceId, "playlists");
    }

    /** The station's repeat protection: {@code repeatMinutes} (default 10) and {@code repeatPlays} (default 0, off). */
    static TrackPicker.Repeat repeat(MediaServiceEntity s) {
        Object plays = s.settings().get("repeatPlays");
        return new TrackPicker.Repeat(
                SongRequestsImpl.minutes(s, "repeatMinutes", 10) * 60_000,
                plays instanceof Number n ? (int) Math.max(0, Math.min(500, n.longValue())) : 0);
    }

    private static List<PlaylistEntity> playlistRows(EntityManager em, long serviceId) {
        return em.createQuery(
                        "SELECT p FROM PlaylistEntity p WHERE p.serviceId = :s ORDER BY p.name", PlaylistEntity.class)
                .setParameter("s", serviceId)
                .getResultList();
    }

    private static PlaylistEntity playlistRow(EntityManager em, long serviceId, long playlistId) {
        PlaylistEntity p = em.find(PlaylistEntity.class, playlistId);
        if (p == null || p.serviceId != serviceId) {
            throw CastPanelException.notFound("playlist", playlistId);
        }
        return p;
    }

    private List<TrackPicker.Rotation> rotations(
            EntityManager em, MediaServiceEntity s, Map<Long, PlaylistEntity> byId) {
        return rotations(em, s, playlistRows(em, s.id), byId);
    }

    private List<TrackPicker.Rotation> rotations(
            EntityManager em, MediaServiceEntity s, List<PlaylistEntity> rows, Map<Long, PlaylistEntity> byId) {
        List<TrackPicker.Rotation> rotations = new ArrayList<>();
        for (PlaylistEntity p : rows) {
            if (!p.enabled || !PlaylistKind.ROTATION.name().equals(p.kind)) {
                continue;
            }
            List<TrackPicker.Candidate> tracks = tracksOf(em, s.ownerId, p);
            if (!tracks.isEmpty()) {
                byId.put(p.id, p);
                rotations.add(new TrackPicker.Rotation(p.id, p.weight, PlayOrder.valueOf(p.playOrder), tracks));
            }
        }
        return rotations;
    }

    /** The station's requestable tracks: those of its enabled rotation playlists, each once. */
    List<TrackPicker.Candidate> requestable(EntityManager em, MediaServiceEntity s) {
        Map<Long, TrackPicker.Candidate> byFile = new LinkedHashMap<>();
        for (TrackPicker.Rotation r : rotations(em, s, new LinkedHashMap<>())) {
            r.tracks().forEach(c -> byFile.putIfAbsent(c.fileId(), c));
        }
        return List.copyOf(byFile.values());
    }

    /** Waiting listeners' requests whose minimum delay has passed, oldest first, with the tags they play with. */
    private List<TrackPicker.Request> requests(EntityManager em, MediaServiceEntity s, long now) {
        long delay = SongRequestsImpl.minutes(s, "requestDelayMinutes", 0) * 60_000;
        return waiting(em, s, false, now - delay, 50);
    }

    /** The oldest track the owner queued that waits, if any. */
    private List<TrackPicker.Request> queued(EntityManager em, MediaServiceEntity s) {
        return waiting(em, s, true, Long.MAX_VALUE, 1);
    }

    private static List<TrackPicker.Request> waiting(
            EntityManager em, MediaServiceEntity s, boolean queued, long askedBy, int most) {
        List<TrackPicker.Request> due = new ArrayList<>();
        for (SongRequestEntity r : em.createQuery(
                        "SELECT r FROM SongRequestEntity r WHERE r.serviceId = :s AND r.playId IS NULL"
                                + " AND r.queued = :q AND r.requestedAt <= :t ORDER BY r.requestedAt, r.id",
                        SongRequestEntity.class)
                .setParameter("s", s.id)
                .setParameter("q", queued)
                .setParameter("t", askedBy)
                .setMaxResults(most)
                .getResultList()) {
            MediaFileEntity f = em.find(MediaFileEntity.class, r.fileId);
            if (f != null && f.accountId == s.ownerId) {
                due.add(new TrackPicker.Request(r.id, new TrackPicker.Candidate(f.id, f.artist, f.album)));
            }
        }
        return due;
    }

    private List<TrackPicker.Immediate> immediates(
            EntityManager em, MediaServiceEntity s, List<PlaylistEntity> rows, Map<Long, PlaylistEntity> byId) {
        List<TrackPicker.Immediate> immediates = new ArrayList<>();
        for (PlaylistEntity p : rows) {
            if (p.enabled && PlaylistKind.IMMEDIATE.name().equals(p.kind)) {
                List<TrackPicker.Candidate> tracks = tracksOf(em, s.ownerId, p);
                if (!tracks.isEmpty()) {
                    byId.put(p.id, p);
                    immediates.add(new TrackPicker.Immediate(p.id, tracks, p.enabledAt));
                }
            }
        }
        return immediates;
    }

    private List<TrackPicker.Interval> intervals(
            EntityManager em, MediaServiceEntity s, List<PlaylistEntity> rows, Map<Long, PlaylistEntity> byId) {
        List<TrackPicker.Interval> intervals = new ArrayList<>();
        for (PlaylistEntity p : rows) {
            if (!p.enabled || !PlaylistKind.INTERVAL.name().equals(p.kind)) {
                continue;
            }
            List<TrackPicker.Candidate> tracks = tracksOf(em, s.ownerId, p);
            if (!tracks.isEmpty()) {
                byId.put(p.id, p);
                intervals.add(new TrackPicker.Interval(
                        p.id, p.everySongs, p.everyMinutes, p.atMinute, PlayOrder.valueOf(p.playOrder), tracks));
            }
        }
        return intervals;
    }

    /** The scheduled playlists whose show is on at {@code millis}, with their tracks. */
    private List<TrackPicker.Scheduled> shows(
            EntityManager em,
            MediaServiceEntity s,
            List<PlaylistEntity> rows,
            Map<Long, PlaylistEntity> byId,
            long millis) {
        List<TrackPicker.Scheduled> shows = new ArrayList<>();
        for (PlaylistEntity p : rows) {
            if (!p.enabled || !PlaylistKind.SCHEDULED.name().equals(p.kind)) {
                continue;
            }
            Optional<ShowTimes.Show> on = showTimes(p).at(millis);
            if (on.isPresent()) {
                List<TrackPicker.Candidate> tracks = tracksOf(em, s.ownerId, p);
                if (!tracks.isEmpty()) {
                    byId.put(p.id, p);
                    shows.add(new TrackPicker.Scheduled(
                            p.id, on.get().startMillis(), PlayOrder.valueOf(p.playOrder), tracks));
                }
            }
        }
        return shows;
    }

    /**
     * When the track asked for will start: the station asks as the one before it starts (liquidsoap
     * keeps one track ready), so a show is decided for when its first track will really play, not
     * a track early. A skip asks again at once: then the track on the air still had time left, and
     * the one chosen ahead of it is being dropped. Without the lengths: now.
     */
    private static long startOfNext(EntityManager em, long serviceId, long now) {
        List<PlayEntity> latest = em.createQuery(
                        "SELECT p FROM PlayEntity p WHERE p.serviceId = :s" + NEWEST_PLAYS_FIRST, PlayEntity.class)
                .setParameter("s", serviceId)
                .setMaxResults(2)
                .getResultList();
        if (latest.isEmpty()) {
            return now;
        }
        PlayEntity starting = latest.get(0);
        Long length = length(em, starting);
        if (length == null) {
            return now;
        }
        if (starting.onAirAt == null) {
            // not on the air yet: it starts now if the one before it is ending now (the station asks as
            // it starts, and may say so a moment later); else it is dropped (a skip cuts the one before,
            // or the station was stopped with it ready) and the track asked for starts now
            PlayEntity before = latest.size() > 1 ? latest.get(1) : null;
            Long beforeLength = before == null ? null : length(em, before);
            boolean startsNow = before != null
                    && before.onAirAt != null
                    && beforeLength != null
                    && Math.abs(before.onAirAt + beforeLength - now) <= 10_000;
            return startsNow ? Math.min(now + length, now + 3_600_000L) : now;
        }
        return Math.max(now, Math.min(starting.onAirAt + length, now + 3_600_000L));
    }

    private static Long length(EntityManager em, PlayEntity play) {
        MediaFileEntity f = em.find(MediaFileEntity.class, play.fileId);
        return f == null ? null : f.durationMs;
    }

    /** A playlist's tracks (folders resolved as they play, so new uploads join). */
    private List<TrackPicker.Candidate> tracksOf(EntityManager em, long ownerId, PlaylistEntity p) {
        return resolved.tracks(em, ownerId, p.entries, library.changes(ownerId));
    }

    /** A playlist's entries as playable tracks of the library, in library order, each once. */
    static List<TrackPicker.Candidate> resolve(EntityManager em, long ownerId, List<PlaylistEntry> entries) {
        Map<Long, TrackPicker.Candidate> tracks = new LinkedHashMap<>();
        for (PlaylistEntry e : entries) {
            List<Object[]> rows;
            if (e.artist() != null || e.album() != null) {
                javax.persistence.TypedQuery<Object[]> query = em.createQuery(
                                "SELECT m.id, m.artist, m.album FROM MediaFileEntity m WHERE m.accountId = :a"
                                        + " AND m.kind = 'audio'"
                                        + (e.artist() == null ? "" : " AND LOWER(TRIM(m.artist)) = :artist")
                                        + (e.album() == null ? "" : " AND LOWER(TRIM(m.album)) = :album")
                                        + " ORDER BY m.folder, m.name",
                                Object[].class)
                        .setParameter("a", ownerId);
                if (e.artist() != null) {
                    query.setParameter("artist", e.artist().strip().toLowerCase(Locale.ROOT));
                }
                if (e.album() != null) {
                    query.setParameter("album", e.album().strip().toLowerCase(Locale.ROOT));
                }
                rows = query.getResultList();
            } else if (e.track() != null) {
                rows = em.createQuery(
                                "SELECT m.id, m.artist, m.album FROM MediaFileEntity m WHERE m.id = :id"
                                        + " AND m.accountId = :a AND m.kind = 'audio'",
                                Object[].class)
                        .setParameter("id", e.track())
                        .setParameter("a", ownerId)
                        .getResultList();
            } else if (e.folder().isEmpty()) {
                rows = em.createQuery(
                                "SELECT m.id, m.artist, m.album FROM MediaFileEntity m WHERE m.accountId = :a"
                                        + " AND m.kind = 'audio' ORDER BY m.folder, m.name",
                                Object[].class)
                        .setParameter("a", ownerId)
                        .getResultList();
            } else {
                rows = em.createQuery(
                                "SELECT m.id, m.artist, m.album FROM MediaFileEntity m WHERE m.accountId = :a"
                                        + " AND m.kind = 'audio' AND (m.folder = :f OR m.folder LIKE :below ESCAPE '!')"
                                        + " ORDER BY m.folder, m.name",
                                Object[].class)
                        .setParameter("a", ownerId)
                        .setParameter("f", e.folder())
                        .setParameter("below", e.folder().replaceAll("[!%_]", "!$0") + "/%")
                        .getResultList();
            }
            for (Object[] r : rows) {
                long id = ((Number) r[0]).longValue();
                tracks.putIfAbsent(id, new TrackPicker.Candidate(id, (String) r[1], (String) r[2]));
            }
        }
        return List.copyOf(tracks.values());
    }

    static List<TrackPicker.Played> recentPlays(EntityManager em, long serviceId) {
        // the columns alone: thousands of entities built and cached at every track cost more than the choice
        return em
                .createQuery(
                        "SELECT p.fileId, p.artist, p.album, p.playlistId, p.chosenAt FROM PlayEntity p"
                                + " WHERE p.serviceId = :s" + NEWEST_PLAYS_FIRST,
                        Object[].class)
                .setParameter("s", serviceId)
                .setMaxResults(HISTORY_READ)
                .getResultList()
                .stream()
                .map(r -> new TrackPicker.Played(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        r[3] == null ? null : ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue()))
                .toList();
    }

    private Track track(MediaServiceEntity s, MediaFileEntity f, long id, PlaylistEntity from) {
        Path root = directories.contentDirectory(s.ownerId);
        Path file = f.folder.isEmpty()
                ? root.resolve(f.name)
                : root.resolve(f.folder).resolve(f.name);
        return new Track(
                id, file, title(f), f.artist, f.album, f.loudnessLufs, from == null ? null : from.crossfadeSeconds);
    }

    /** The title listeners see: the tag, or the file name without its extension. */
    static String title(MediaFileEntity f) {
        if (f.title != null && !f.title.isBlank()) {
            return f.title;
        }
        int dot = f.name.lastIndexOf('.');
        return dot > 0 ? f.name.substring(0, dot) : f.name;
    }

    private Playlist toPlaylist(EntityManager em, MediaServiceEntity s, PlaylistEntity p) {
        List<PlaylistEntry> entries = read(p.entries);
        return new Playlist(
                p.id,
                p.serviceId,
                p.name,
                PlaylistKind.valueOf(p.kind),
                p.enabled,
                p.weight,
                p.everySongs,
                p.everyMinutes,
                PlayOrder.valueOf(p.playOrder),
                entries,
                p.crossfadeSeconds,
                resolve(em, s.ownerId, entries).size(),
                Instant.ofEpochMilli(p.createdAt),
                Instant.ofEpochMilli(p.updatedAt),
                p.atMinute,
                PlaylistKind.SCHEDULED.name().equals(p.kind)
                        ? new PlaylistSchedule(
                                p.scheduleStart,
                                p.scheduleMinutes,
                                ShowTimes.FORM.format(ShowTimes.parse(p.scheduleStart)
                                        .orElseThrow()
                                        .plusMinutes(p.scheduleMinutes)),
                                ScheduleRepeat.valueOf(p.scheduleRepeat),
                                p.interruptible)
                        : null);
    }

    static List<PlaylistEntry> read(String json) {
        try {
            return JSON.readValue(json, ENTRIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored playlist is not JSON: " + json, e);
        }
    }

    private static String write(List<PlaylistEntry> entries) {
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
