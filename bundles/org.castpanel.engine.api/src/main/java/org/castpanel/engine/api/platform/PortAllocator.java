/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api.platform;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Hands out TCP ports from the configured range. A port is never handed out while another
 * service holds it or while something on the machine listens on it; allocations are stored in
 * the database, so a service keeps its ports across panel restarts. Blocking (database); call it
 * from handler operations, not from framework threads.
 */
@ProviderType
public interface PortAllocator {

    /** The port the service holds for {@code purpose} ("http", "source"), allocating one on first ask. */
    int port(long serviceId, String purpose);

    /**
     * The first of {@code count} consecutive ports the service holds for {@code purpose} (an engine
     * that listens on a base port and the ones after it, as Shoutcast's portbase and portbase+1),
     * allocating them together on first ask. They show in {@link #ports} as {@code purpose},
     * {@code purpose+1}, ….
     */
    int consecutive(long serviceId, String purpose, int count);

    /** Every port the service holds, by purpose. */
    Map<String, Integer> ports(long serviceId);

    /** Gives back all of the service's ports. */
    void release(long serviceId);
}
