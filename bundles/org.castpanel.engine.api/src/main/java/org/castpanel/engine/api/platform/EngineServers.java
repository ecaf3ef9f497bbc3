/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api.platform;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's registry of remote media servers (engine types with the
 * {@link org.castpanel.engine.api.Capabilities#REMOTE_SERVERS} capability). Administrators manage
 * the entries (REST {@code /engine-servers}, console {@code castpanel:engine-server-*}); the core
 * places each new service of such a type on the enabled server of its node with the fewest
 * services; a plugin reads where a service lives and reports each server's health. A plugin never
 * keeps a list of servers of its own.
 */
@ProviderType
public interface EngineServers {

    /** This node's servers of an engine type, enabled or not. */
    List<EngineServer> servers(String engineType);

    Optional<EngineServer> server(long id);

    /** The server a service of a remote engine type was placed on; empty for other services. */
    Optional<EngineServer> placement(long serviceId);

    /** Records what the plugin found when it checked a server (shown to administrators). */
    void reportHealth(long serverId, EngineServer.State state, String detail);
}
