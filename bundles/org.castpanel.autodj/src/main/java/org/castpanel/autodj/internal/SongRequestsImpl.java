/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.persistence.EntityManager;

import org.castpanel.autodj.api.RequestableTrack;
import org.castpanel.autodj.api.SongRequest;
import org.castpanel.autodj.api.SongRequests;
import org.castpanel.core.api.AuditService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.persistence.MediaFileEntity;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.SongRequestEntity;
import org.castpanel.persistence.Store;
import org.castpanel.services.api.MediaServices;
import org.castpanel.services.api.ServiceControls;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Listeners' song requests. What may be requested is what the station's enabled rotation
 * playlists hold; a request is refused while repeat protection holds its track (so a request
 * never brings a song back sooner than the AutoDJ itself would: AzuraCast #7664) or while it is
 * already waiting, and one listener address may ask once every {@code requestMinutes}. The
 * AutoDJ plays a waiting request after the play-once playlists, once {@code requestDelayMinutes}
 * have passed and repeat protection still lets it through.
 */
@Component(service = {SongRequests.class, SongRequestsImpl.class})
public class SongRequestsImpl implements SongRequests {

    static final int MOST_RESULTS = 50;
    /** Waiting requests a station holds at most: beyond, new ones are refused until some have played. */
    static final int MOST_WAITING = 100;

    private final Store store;
    private final MediaServices services;
    private final AutoDjImpl autodj;
    private final AuditService audit;
    private final ServiceControls controls;

    @Activate
    public SongRequestsImpl(
            final @Reference Store store,
            final @Reference MediaServices services,
            final @Reference AutoDjImpl autodj,
            final @Reference AuditService audit,
            final @Reference ServiceControls controls) {
        this.store = store;
        this.services = services;
        this.autodj = autodj;
        this.audit = audit;
        this.controls = controls;
    }

    @Override
    public List<RequestableTrack> requestable(long serviceId, String q) {
        String query = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        if (query.length() > 100) {
            throw CastPanelException.invalid("q", "a search is at most 100 characters");
        }
        return store.read(em -> {
            MediaServiceEntity s = taking(em, serviceId);
            long now = System.currentTimeMillis();
            List<TrackPicker.Played> history = AutoDjImpl.recentPlays(em, serviceId);
            List<RequestableTrack> found = new ArrayList<>();
            for (TrackPicker.Candidate c : autodj.requestable(em, s)) {
                MediaFileEntity f = em.find(MediaFileEntity.class, c.fileId());
                if (f == null
                        || !(matches(f.title, query)
                                || matches(f.artist, query)
                                || matches(f.album, query)
                                || matches(f.name, query))) {
                    continue;
                }
                long free = TrackPicker.freeAt(c, history, now, AutoDjImpl.repeat(s));
                found.add(new RequestableTrack(
                        f.id, AutoDjImpl.title(f), f.artist, f.album, free > now ? Instant.ofEpochMilli(free) : null));
                if (found.size() == MOST_RESULTS) {
                    break;
                }
            }
            return found;
        });
    }

    @Override
    public SongRequest request(long serviceId, long trackId, String listenerAddress) {
        String requester = DjsImpl.digest(serviceId + "/" + (listenerAddress == null ? "" : listenerAddress));
        return store.write(em -> {
            MediaServiceEntity s = taking(em, serviceId);
            long now = System.currentTimeMillis();
            long every = minutes(s, "requestMinutes", 5) * 60_000;
            List<Long> mine = em.createQuery(
                            "SELECT r.requestedAt FROM SongRequestEntity r WHERE r.serviceId = :s"
                                    + " AND r.requester = :who AND r.requestedAt > :t ORDER BY r.requestedAt DESC",
                            Long.class)
                    .setParameter("s", serviceId)
                    .setParameter("who", requester)
                    .setParameter("t", now - every)
                    .setMaxResults(1)
                    .getResultList();
            if (!mine.isEmpty()) {
                long wait = (mine.get(0) + every - now + 999) / 1000;
                throw CastPanelException.tooMany(
                        "one request every " + every / 60_000 + " minutes from each listener: try again in " + wait
                                + " s",
                        (int) Math.max(1, wait));
            }
            TrackPicker.Candidate track = autodj.requestable(em, s).stream()
                    .filter(c -> c.fileId() == trackId)
                    .findFirst()
                    .orElseThrow(() -> CastPanelException.notFound("requestable track", trackId));
            List<SongRequestEntity> waiting = em.createQuery(
                            "SELECT r FROM SongRequestEntity r WHERE r.serviceId = :s AND r.playId IS NULL",
                            SongRequestEntity.class)
                    .setParameter("s", serviceId)
                    .getResultList();
            if (waiting.stream().anyMatch(r -> r.fileId == trackId)) {
                throw CastPanelException.conflict("track " + trackId + " is requested already and waits to play");
            }
            if (waiting.size() >= MOST_WAITING) {
                throw CastPanelException.conflict(
                        "the station has " + MOST_WAITING + " requests waiting: try again after some have played");
            }
            List<TrackPicker.Played> history = AutoDjImpl.recentPlays(em, serviceId);
            TrackPicker.Repeat repeat = AutoDjImpl.repeat(s);
            long free = TrackPicker.freeAt(track, history, now, repeat);
            if (free > now) {
                throw CastPanelException.conflict("this track, its artist or its album played recently: it may be "
                        + "requested again from " + Instant.ofEpochMilli(free));
            }
            if (TrackPicker.heldByPlays(track, history, repeat)) {
                throw CastPanelException.conflict("this track, its artist or its album is among the station's last "
                        + repeat.plays() + " tracks: it may be requested again once more have played");
            }
            SongRequestEntity r = new SongRequestEntity();
            r.id = store.nextId("cp_autodj_request");
            r.serviceId = serviceId;
            r.fileId = trackId;
            r.requester = requester;
            r.requestedAt = now;
            em.persist(r);
            return toRequest(em, r);
        });
    }

    @Override
    public List<SongRequest> list(Caller caller, long serviceId) {
        return store.read(em -> {
            Stations.autodj(em, services, caller, serviceId, "song requests");
            List<SongRequest> all = new ArrayList<>();
            for (boolean waiting : new boolean[] {true, false}) {
                em.createQuery(
                                "SELECT r FROM SongRequestEntity r WHERE r.serviceId = :s AND r.playId IS "
                                        + (waiting ? "NULL" : "NOT NULL") + " ORDER BY r.requestedAt DESC, r.id DESC",
                                SongRequestEntity.class)
                        .setParameter("s", serviceId)
                        .setMaxResults(waiting ? MOST_WAITING : MOST_RESULTS)
                        .getResultList()
                        .forEach(r -> all.add(toRequest(em, r)));
            }
            return all;
        });
    }

    @Override
    public SongRequest queue(Caller caller, long serviceId, long trackId) {
        SongRequest queued = store.write(em -> {
            MediaServiceEntity s = Stations.autodj(em, services, caller, serviceId, "the queue");
            MediaFileEntity f = em.find(MediaFileEntity.class, trackId);
            if (f == null || f.accountId != s.ownerId || !"audio".equals(f.kind)) {
                throw CastPanelException.invalid(
                        "trackId", "track " + trackId + " is not an audio file of this customer's library");
            }
            List<SongRequestEntity> waiting = em.createQuery(
                            "SELECT r FROM SongRequestEntity r WHERE r.serviceId = :s AND r.playId IS NULL",
                            SongRequestEntity.class)
                    .setParameter("s", serviceId)
                    .getResultList();
            if (waiting.stream().anyMatch(r -> r.queued && r.fileId == trackId)) {
                throw CastPanelException.conflict(
                        "trackId", "track " + trackId + " is queued already and waits to play");
            }
            if (waiting.size() >= MOST_WAITING) {
                throw CastPanelException.conflict(
                        "the station has " + MOST_WAITING + " tracks waiting: try again after some have played");
            }
            SongRequestEntity r = new SongRequestEntity();
            r.id = store.nextId("cp_autodj_request");
            r.serviceId = serviceId;
            r.fileId = trackId;
            r.requester = SongRequestEntity.QUEUE;
            r.queued = true;
            r.requestedAt = System.currentTimeMillis();
            em.persist(r);
            audit.record(caller, "autodj.queue", "service", s.id, s.ownerPath, AutoDjImpl.title(f));
            return toRequest(em, r);
        });
        // the station had its next track ready: it asks again, so the queued one plays next
        controls.refreshUpcoming(caller, serviceId);
        return queued;
    }

    @Override
    public void discard(Caller caller, long serviceId, long requestId) {
        store.write(em -> {
            Stations.autodj(em, services, caller, serviceId, "song requests");
            SongRequestEntity r = em.find(SongRequestEntity.class, requestId);
            if (r == null || r.serviceId != serviceId) {
                throw CastPanelException.notFound("song request", requestId);
            }
            if (r.playId != null) {
                throw CastPanelException.conflict("request " + requestId + " was played already");
            }
            em.remove(r);
            return null;
        });
    }

    /** An AutoDJ station that takes requests now; 404 otherwise (the public cannot tell the two apart). */
    private static MediaServiceEntity taking(EntityManager em, long serviceId) {
        MediaServiceEntity s = em.find(MediaServiceEntity.class, serviceId);
        if (s == null
                || s.deleting
                || !Stations.AUTODJ_TYPE.equals(s.engineType)
                || !Boolean.TRUE.equals(s.settings().get("requests"))) {
            throw CastPanelException.notFound("AutoDJ station taking requests", serviceId);
        }
        return s;
    }

    private static boolean matches(String value, String query) {
        return query.isEmpty()
                || (value != null && value.toLowerCase(Locale.ROOT).contains(query));
    }

    /** A whole-minutes setting of the station, or its default. */
    static long minutes(MediaServiceEntity s, String name, long fallback) {
        Object value = s.settings().get(name);
        return value instanceof Number n ? Math.max(0, n.longValue()) : fallback;
    }

    private static SongRequest toRequest(EntityManager em, SongRequestEntity r) {
        MediaFileEntity f = em.find(MediaFileEntity.class, r.fileId);
        Long chosen = null;
        if (r.playId != null) {
            org.castpanel.persistence.PlayEntity play = em.find(org.castpanel.persistence.PlayEntity.class, r.playId);
            chosen = play == null ? null : play.chosenAt;
        }
        return new SongRequest(
                r.id,
                r.serviceId,
                r.fileId,
                f == null ? null : AutoDjImpl.title(f),
                f == null ? null : f.artist,
                Instant.ofEpochMilli(r.requestedAt),
                chosen == null ? null : Instant.ofEpochMilli(chosen),
                r.queued);
    }
}
