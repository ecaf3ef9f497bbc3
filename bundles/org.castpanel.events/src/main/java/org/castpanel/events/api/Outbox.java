/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.events.api;

import org.osgi.annotation.versioning.ProviderType;

/** Where a change records the event it causes, in the same transaction. */
@ProviderType
public interface Outbox {

    /**
     * Adds an event to the outbox inside the running write (or a write of its own), so it exists
     * exactly when the change does. {@code data} becomes JSON; {@code ownerPath} scopes it to an
     * account's subtree (null: panel-wide).
     */
    void record(String type, String ownerPath, Object data);
}
