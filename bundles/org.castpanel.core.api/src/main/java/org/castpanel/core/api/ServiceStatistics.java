package org.castpanel.core.api;

import org.castpanel.engine.api.ServiceStats;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Statistics of media services, as their engines report them. Blocking: asks the engine, with a
 * time limit.
 */
@ProviderType
public interface ServiceStatistics {

    /** A service's statistics now. */
    record Current(long serviceId, ServiceState state, ServiceStats sample) {
    }

    /** The current sample of a service the caller may see; {@code sample} is null when the engine has none (not running, no stats). */
    Current current(Caller caller, long serviceId);
}
