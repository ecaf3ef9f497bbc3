/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

import org.castpanel.core.api.Caller;
import org.castpanel.engine.api.ServiceStats;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Statistics of media services, as their engines report them. Blocking: asks the engine, with a
 * time limit.
 */
@ProviderType
public interface ServiceStatistics {

    /** A service's statistics now. */
    record Current(long serviceId, ServiceState state, ServiceStats sample) {}

    /** The stored samples of a period, oldest first, and the data transfer of the current month. */
    record History(long serviceId, java.util.List<ServiceStats> samples, long transferBytesThisMonth) {}

    /** The current sample of a service the caller may see; {@code sample} is null when the engine has none (not running, no stats). */
    Current current(Caller caller, long serviceId);

    /** Samples the collector stored in the last {@code hours} hours (at most 2,000, evenly thinned). */
    History history(Caller caller, long serviceId, int hours);

    /** Who listens now (address, user agent, connected time): the owner and those who manage it. */
    java.util.List<org.castpanel.engine.api.ListenerInfo> listeners(Caller caller, long serviceId);
}
