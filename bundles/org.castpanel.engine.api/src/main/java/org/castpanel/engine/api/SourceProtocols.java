/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

/**
 * Names of the protocols a source uses to send a stream to a server, for
 * {@link EngineType#sourceProtocols()}. A plugin may name others; these are the ones CastPanel's
 * engines use, so that an AutoDJ and a server from different plugins meet.
 */
public final class SourceProtocols {

    /** Icecast 2's source protocol (HTTP PUT, or the older SOURCE method), with user and password. */
    public static final String ICECAST = "icecast";
    /** Shoutcast DNAS v1 (legacy) source protocol: password only, on port base + 1. */
    public static final String SHOUTCAST1 = "shoutcast1";
    /** Shoutcast DNAS v2 source protocol: stream id and password. */
    public static final String SHOUTCAST2 = "shoutcast2";

    private SourceProtocols() {}
}
