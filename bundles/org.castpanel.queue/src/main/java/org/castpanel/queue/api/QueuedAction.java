/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.queue.api;

import org.castpanel.core.api.ServiceAction;

/** An action with what tenancy checks and the node's worker need: its owner's path and its node. */
public record QueuedAction(ServiceAction action, String ownerPath, String node) {

    public long id() {
        return action.id();
    }

    public long serviceId() {
        return action.serviceId();
    }
}
