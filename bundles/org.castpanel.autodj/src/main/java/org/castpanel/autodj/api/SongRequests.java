/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import java.util.List;

import org.castpanel.core.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Song requests from listeners, when the station's {@code requests} setting is on: public (a
 * request widget on the station's web site), limited per listener address
 * ({@code requestMinutes}), held for {@code requestDelayMinutes}, and held to the station's repeat
 * protection like everything it plays. Blocking (database).
 */
@ProviderType
public interface SongRequests {

    /** What may be requested, matching {@code q} (title, artist, album), at most 50; 404 while requests are off. */
    List<RequestableTrack> requestable(long serviceId, String q);

    /**
     * A listener's request: 404 for a station without requests or a track it does not offer, 409
     * when repeat protection holds the track (saying until when) or it is already waiting, 429
     * when this listener asked too recently.
     */
    SongRequest request(long serviceId, long trackId, String listenerAddress);

    /** Waiting requests and queued tracks, then the last 50 chosen, newest first (the station's owner and managers). */
    List<SongRequest> list(Caller caller, long serviceId);

    /**
     * Puts a track of the owner's library next (the station's owner or those who manage it): it
     * plays when the track on the air ends, before listeners' requests and every playlist, and
     * repeat protection does not hold it back (someone chose it). 422 for a track that is not an
     * audio file of the owner's library, 409 when it waits already or 100 tracks wait.
     */
    SongRequest queue(Caller caller, long serviceId, long trackId);

    /** Drops a waiting request or queued track. */
    void discard(Caller caller, long serviceId, long requestId);
}
