/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.castpanel.autodj.api.PlaylistKind;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.engine.api.platform.DaemonThreads;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.PlayEntity;
import org.castpanel.persistence.PlaylistEntity;
import org.castpanel.persistence.SongRequestEntity;
import org.castpanel.persistence.Store;
import org.castpanel.services.api.ServiceControls;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interruptible shows begin on time: when one's show has begun (or it was scheduled while its show
 * is on) and the track on the air is another playlist's, that track is skipped, once per show; the
 * station then asks for its next track afresh, which is the show's. What outranks a show (a track
 * the owner queued, a play-once playlist) is not cut. Non-interruptible shows need nothing here:
 * they begin at the next track.
 */
@Component(service = ShowStarts.class, immediate = true)
public class ShowStarts {

    private static final Logger LOG = LoggerFactory.getLogger(ShowStarts.class);
    /** How often shows are looked at: how late an interruptible show may begin, at most. */
    static final long CHECK_MILLIS = 2_000;
    /** A show found later than this after its start (the panel was down) begins at the next track. */
    static final long LATEST_CUT_MILLIS = 60_000;

    private final Store store;
    private final AutoDjImpl autodj;
    private final ServiceControls controls;
    /** "playlist@show start" of the shows already begun, so each cuts in once. */
    private final Set<String> begun = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("castpanel-autodj-shows"));

    @Activate
    public ShowStarts(
            final @Reference Store store,
            final @Reference AutoDjImpl autodj,
            final @Reference ServiceControls controls) {
        this.store = store;
        this.autodj = autodj;
        this.controls = controls;
        timer.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    void check() {
        try {
            long now = System.currentTimeMillis();
            for (PlaylistEntity p : interruptible()) {
                Optional<ShowTimes.Show> show = autodj.showTimes(p).at(now);
                if (show.isEmpty() || now - Math.max(show.get().startMillis(), p.updatedAt) > LATEST_CUT_MILLIS) {
                    continue;
                }
                if (begun.add(p.id + "@" + show.get().startMillis()) && cutsIn(p)) {
                    begin(p);
                }
            }
            begun.removeIf(key -> Long.parseLong(key.substring(key.indexOf('@') + 1)) < now - 2 * LATEST_CUT_MILLIS);
        } catch (RuntimeException e) {
            LOG.warn("Could not look at the scheduled shows: {}", e.getMessage()); // the database is away, say
        }
    }

    private List<PlaylistEntity> interruptible() {
        return store.read(em -> em.createQuery(
                        "SELECT p FROM PlaylistEntity p WHERE p.kind = :k AND p.enabled = TRUE AND p.interruptible = TRUE",
                        PlaylistEntity.class)
                .setParameter("k", PlaylistKind.SCHEDULED.name())
                .getResultList());
    }

    /** Whether the track on the air is neither the show's own nor one that outranks it. */
    private boolean cutsIn(PlaylistEntity p) {
        return store.read(em -> {
            MediaServiceEntity s = em.find(MediaServiceEntity.class, p.serviceId);
            if (s == null || s.deleting) {
                return false;
            }
            List<PlayEntity> onAir = em.createQuery(
                            "SELECT p FROM PlayEntity p WHERE p.serviceId = :s AND p.onAirAt IS NOT NULL"
                                    + " ORDER BY p.onAirAt DESC, p.id DESC",
                            PlayEntity.class)
                    .setParameter("s", p.serviceId)
                    .setMaxResults(1)
                    .getResultList();
            if (onAir.isEmpty()) {
                return false;
            }
            PlayEntity playing = onAir.get(0);
            if (playing.requestId != null) {
                SongRequestEntity r = em.find(SongRequestEntity.class, playing.requestId);
                return r == null || !r.queued; // a listener's request gives way, the owner's queue does not
            }
            PlaylistEntity from = playing.playlistId == null ? null : em.find(PlaylistEntity.class, playing.playlistId);
            return from == null
                    || (from.id != p.id && !PlaylistKind.IMMEDIATE.name().equals(from.kind));
        });
    }

    private void begin(PlaylistEntity p) {
        try {
            controls.skipTrack(Caller.system("autodj schedule"), p.serviceId);
            LOG.info("Service {}: the show of playlist {} began, cutting the track on the air", p.serviceId, p.name);
        } catch (CastPanelException e) {
            // not running, live, or the engine cannot skip: the show begins at the next track
            LOG.debug(
                    "Service {}: the show of playlist {} begins at the next track: {}",
                    p.serviceId,
                    p.name,
                    e.getMessage());
        }
    }
}
