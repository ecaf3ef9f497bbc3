/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.core.api;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Live notifications for the event stream: action progress, service state changes, engines
 * arriving and leaving. In memory, after commit; a listener that missed something reads the
 * REST resources again. Listeners are called on the publishing thread and must not block.
 */
@ProviderType
public interface PanelEvents {

    /** One notification. {@code ownerPath} scopes it to the owner's tenants (null: administrators only). */
    record Event(String type, String ownerPath, Object data) {}

    void publish(Event event);

    /** Returns a handle that stops the subscription. */
    AutoCloseable subscribe(Consumer<Event> listener);
}
