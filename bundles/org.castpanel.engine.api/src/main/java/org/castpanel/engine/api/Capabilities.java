/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

/**
 * Well-known capability names an {@link EngineType} may declare. The set is open: a plugin may
 * declare its own names; the UI shows what it knows.
 */
public final class Capabilities {

    /**
     * The engine serves several mount points per service: its main mount is the service's
     * {@code mount} setting, the others come as {@link ServiceContext#mounts()}.
     */
    public static final String MOUNT_POINTS = "mount-points";

    public static final String AUTODJ = "autodj";
    public static final String LISTENER_STATS = "listener-stats";
    /** The engine records broadcasts into the service's {@link Recordings} folder. */
    public static final String RECORDING = "recording";

    /**
     * The engine can end the track on the air now ({@link EngineHandler#skipTrack}): the panel
     * offers "skip" on the service's page, its API and console.
     */
    public static final String SKIP_TRACK = "skip-track";

    public static final String RELAY = "relay";
    public static final String HLS = "hls";
    public static final String TRANSCODING = "transcoding";
    public static final String STREAM_KEYS = "stream-keys";
    public static final String RESTREAMING = "restreaming";
    /**
     * The engine keeps media of the customer's in the service's own directory (recordings, video
     * on demand), so deleting the service deletes those files: the panel asks for confirmation.
     * Without it, a delete removes only the engine's own files; the customer's library in the
     * content directory always stays.
     */
    public static final String DELETES_MEDIA = "deletes-media";
    /**
     * The engine's services live on media servers the panel talks to over the network (Wowza,
     * Flussonic) instead of daemons it runs: an administrator registers those servers per node
     * ({@link org.castpanel.engine.api.platform.EngineServers}), and the core places each new
     * service on one of them.
     */
    public static final String REMOTE_SERVERS = "remote-servers";

    private Capabilities() {}
}
