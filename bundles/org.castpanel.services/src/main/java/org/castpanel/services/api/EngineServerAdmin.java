/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

import java.util.List;

import org.castpanel.core.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The registry of remote media servers (Wowza, Flussonic: engine types with the
 * {@code remote-servers} capability), per node. Administrators only (403 for everyone else);
 * every change is audited. Blocking (database).
 */
@ProviderType
public interface EngineServerAdmin {

    List<EngineServerInfo> list(Caller caller);

    EngineServerInfo get(Caller caller, long id);

    /** Registers a server on this node. 422 names the field that is wrong; 409 a name already used. */
    EngineServerInfo create(Caller caller, EngineServerInput input);

    /** Changes what is given; the engine type cannot change. */
    EngineServerInfo update(Caller caller, long id, EngineServerInput changes);

    /**
     * Has the server's engine plugin check it now (it answers, it takes the registered
     * credentials) and records what it found as the server's health, which the answer carries:
     * a server that fails the check is answered normally, unhealthy, with the reason. 409 when
     * the engine plugin is not installed, is disabled, or cannot check servers on request.
     */
    EngineServerInfo check(Caller caller, long id);

    /** 409 while services are placed on it. */
    void delete(Caller caller, long id);

    /**
     * For the core, creating a service of a remote engine type: the enabled server of this node
     * with the fewest services. 409 on {@code engineType} when there is none.
     */
    long place(String engineType);
}
