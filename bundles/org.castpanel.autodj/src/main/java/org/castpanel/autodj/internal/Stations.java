/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.internal;

import javax.persistence.EntityManager;

import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.services.api.MediaServices;

/** The AutoDJ service a caller asks about, with the tenancy every service call has. */
final class Stations {

    /** The engine type of AutoDJ services (the Liquidsoap plugin's). */
    static final String AUTODJ_TYPE = "autodj";

    private Stations() {}

    /** 404 for another tenant's service, 409 for a service of another type (which has no {@code what}). */
    static MediaServiceEntity autodj(
            EntityManager em, MediaServices services, Caller caller, long serviceId, String what) {
        services.get(caller, serviceId);
        MediaServiceEntity s = em.find(MediaServiceEntity.class, serviceId);
        if (s == null) {
            throw CastPanelException.notFound("media service", serviceId);
        }
        if (!AUTODJ_TYPE.equals(s.engineType)) {
            throw CastPanelException.conflict(
                    "service " + serviceId + " is a " + s.engineType + " service, not an AutoDJ: it has no " + what);
        }
        return s;
    }
}
