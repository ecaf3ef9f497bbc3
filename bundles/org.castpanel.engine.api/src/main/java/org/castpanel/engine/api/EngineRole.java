/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

/**
 * A server engine runs a media service (Icecast, Shoutcast, Nginx-RTMP, Wowza, Flussonic); a
 * source engine attaches to a server service and feeds it (AutoDJ on Liquidsoap).
 */
public enum EngineRole {
    SERVER,
    SOURCE
}
