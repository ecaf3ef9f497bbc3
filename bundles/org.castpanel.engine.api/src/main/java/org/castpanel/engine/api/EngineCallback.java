/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How a handler tells the core what happened on its own (a process died, a source connected).
 * Non-blocking; safe from any thread.
 */
@ProviderType
public interface EngineCallback {

    void statusChanged(ServiceStatus status);

    /** Records an event in the service's history ("source disconnected: bitrate over the limit"). */
    void event(String message);
}
