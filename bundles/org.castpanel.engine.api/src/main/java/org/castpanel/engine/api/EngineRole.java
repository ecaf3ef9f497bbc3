package org.castpanel.engine.api;

/**
 * A server engine runs a media service (Icecast, Shoutcast, Nginx-RTMP, Wowza, Flussonic); a
 * source engine attaches to a server service and feeds it (AutoDJ on Liquidsoap).
 */
public enum EngineRole {
    SERVER,
    SOURCE
}
