/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

/** One connected listener or viewer, as the engine sees it; {@code mount} where the engine has several (else null). */
public record ListenerInfo(String address, String userAgent, long connectedSeconds, String mount) {

    /** A listener of an engine without mount points. */
    public ListenerInfo(String address, String userAgent, long connectedSeconds) {
        this(address, userAgent, connectedSeconds, null);
    }
}
