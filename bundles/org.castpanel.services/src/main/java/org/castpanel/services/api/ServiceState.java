/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

/** Where a media service stands, as the panel last saw it. */
public enum ServiceState {
    /** Created; nothing provisioned yet. */
    NEW,
    STOPPED,
    RUNNING,
    FAILED,
    /** Its engine plugin is not installed: kept, untouched, until the plugin comes back. */
    ENGINE_UNAVAILABLE,
    /**
     * It lives on a remote engine server (Wowza, Flussonic) that does not answer (or refuses the
     * panel): kept, untouched, and shown as it was again once the server answers.
     */
    SERVER_UNREACHABLE
}
