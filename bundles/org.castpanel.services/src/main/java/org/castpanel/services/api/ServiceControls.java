/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

import org.castpanel.core.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Controls of a running service that act at once and leave nothing to redo after a crash, so they
 * go straight to its engine instead of through the action queue. Tenancy as everywhere (another
 * tenant's service answers 404); 409 when the service does not run or its engine cannot do it.
 * Blocking: asks the engine, with a time limit.
 */
@ProviderType
public interface ServiceControls {

    /** Ends the track on the air now (engines declaring the {@code skip-track} capability: the AutoDJ). */
    void skipTrack(Caller caller, long serviceId);

    /**
     * The next track the panel would choose changed (a track was queued): a running service's
     * engine drops the one it asked for ahead and asks again. Best effort: a service that does not
     * run, or an engine that cannot, is left as it is (the change then shows a track later).
     */
    void refreshUpcoming(Caller caller, long serviceId);
}
