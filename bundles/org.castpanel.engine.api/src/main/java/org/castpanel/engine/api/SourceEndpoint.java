/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

/**
 * Where and how a source feeds a server service: what a server's handler answers in
 * {@link EngineHandler#sourceEndpoint}, and what the platform puts into the source service's
 * {@link ServiceContext#source()}. {@code host} is reachable from this node; {@code mount} is the
 * server's mount point (or stream id) the source sends to; {@code username} may be null when the
 * protocol has none. Secrets stay between the two handlers and the platform: never shown to users.
 */
public record SourceEndpoint(String protocol, String host, int port, String mount, String username, String password) {

    @Override
    public String toString() {
        return "SourceEndpoint[" + protocol + " " + host + ":" + port + mount + "]";
    }
}
