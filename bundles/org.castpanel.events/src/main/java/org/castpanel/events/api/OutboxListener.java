/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.events.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A durable consumer of the outbox (mail, webhooks, billing), registered as an OSGi service. It
 * gets every event written since its name first registered, one at a time in id order; when
 * {@link #deliver} throws, the same event comes again after a back-off, and nothing later passes it.
 * Delivery is at least once: a listener that must not act twice checks {@link OutboxEvent#id()}.
 */
@ConsumerType
public interface OutboxListener {

    /** Stable across restarts and upgrades: the relay remembers per name what was delivered. */
    String name();

    void deliver(OutboxEvent event) throws Exception;
}
