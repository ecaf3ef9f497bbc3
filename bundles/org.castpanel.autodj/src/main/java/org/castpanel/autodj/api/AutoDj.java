/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import java.util.List;

import org.castpanel.core.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The playlists, history and now playing of AutoDJ services. Every call checks that the caller
 * sees the service (another tenant's answers 404) and that it is an AutoDJ service (409 if not).
 */
@ProviderType
public interface AutoDj {

    List<Playlist> playlists(Caller caller, long serviceId);

    Playlist playlist(Caller caller, long serviceId, long playlistId);

    Playlist create(Caller caller, long serviceId, PlaylistInput input);

    Playlist update(Caller caller, long serviceId, long playlistId, PlaylistInput input);

    void delete(Caller caller, long serviceId, long playlistId);

    /**
     * The shows of the service's scheduled playlists (enabled or not) that overlap the {@code days}
     * (1-42) from the start of {@code from} in the panel's time zone, in order of their start.
     */
    List<ScheduledShow> schedule(Caller caller, long serviceId, java.time.LocalDate from, int days);

    /** The service's history, newest first, at most {@code limit} (1-500) tracks. */
    List<PlayedTrack> history(Caller caller, long serviceId, int limit);

    NowPlaying nowPlaying(Caller caller, long serviceId);

    /** For anyone (a station's web site): 404 unless the service is an AutoDJ service. */
    NowPlaying publicNowPlaying(long serviceId);
}
