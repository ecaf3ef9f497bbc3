/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import java.util.List;

import org.castpanel.core.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The live DJ accounts of AutoDJ services. Tenancy as for the service itself (someone else's
 * service answers 404); a service that is not an AutoDJ answers 409. Blocking (database).
 */
@ProviderType
public interface Djs {

    List<Dj> list(Caller caller, long serviceId);

    Dj get(Caller caller, long serviceId, long djId);

    /** A new DJ with a generated password, returned this once. */
    DjCredentials create(Caller caller, long serviceId, DjInput input);

    Dj update(Caller caller, long serviceId, long djId, DjInput input);

    /** A new generated password; the old one stops working (a DJ on the air stays on). */
    DjCredentials resetPassword(Caller caller, long serviceId, long djId);

    /** Deletes the DJ; one on the air is cut off. */
    void delete(Caller caller, long serviceId, long djId);

    /** Who is live on the service now, or null. */
    LiveStatus live(long serviceId);
}
