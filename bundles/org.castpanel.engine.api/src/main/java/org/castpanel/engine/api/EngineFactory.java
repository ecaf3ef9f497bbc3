/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The one service an engine plugin registers. The core discovers factories dynamically: a
 * plugin may arrive, leave or be upgraded while the panel runs; services of a type whose factory
 * is gone stay stored and show as "engine unavailable" until it comes back.
 */
@ConsumerType
public interface EngineFactory {

    /** The engine types this plugin supports. Must not block. */
    List<EngineType> engineTypes();

    /**
     * Creates the handler of one media service. Must not block and must not start anything:
     * the core calls the handler's operations when actions run.
     */
    EngineHandler createHandler(ServiceContext context, EngineCallback callback);

    /** The plugin's version as users should see it; by default the bundle's. */
    default String version() {
        return null;
    }

    /**
     * Why this engine cannot run services on this node now (a proprietary binary not installed,
     * say), in words an administrator can act on; null when it can. Shown on the engines page;
     * asked often, so it must be cheap and must not block.
     */
    default String problem() {
        return null;
    }

    /**
     * For an engine type with the {@link Capabilities#REMOTE_SERVERS} capability: checks now that
     * {@code server} answers and accepts its registered credentials (an administrator's "test
     * connection"). Completes with what was found, in words for an administrator (the server's
     * version, say), or exceptionally with why it cannot be used. The default: no remote servers.
     */
    default java.util.concurrent.CompletionStage<String> checkServer(
            org.castpanel.engine.api.platform.EngineServer server) {
        return java.util.concurrent.CompletableFuture.failedFuture(
                new UnsupportedOperationException("this engine has no remote servers"));
    }
}
