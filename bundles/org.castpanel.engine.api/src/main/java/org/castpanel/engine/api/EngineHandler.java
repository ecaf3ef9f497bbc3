/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs one media service. The core calls one operation at a time per service, from its action
 * queue, and waits on the returned stage with a timeout; operations may run on the caller's
 * thread if they are quick, otherwise on the plugin's own executor. Every operation is
 * idempotent: starting a running service, stopping a stopped one or provisioning twice changes
 * nothing (the queue re-runs an action interrupted by a crash). A failure is reported by
 * completing the stage exceptionally with a message a customer can read; a
 * {@link RetryableEngineException} asks the queue to try again later. Handlers never throw into
 * the framework from these methods.
 */
@ConsumerType
public interface EngineHandler {

    /** Writes configuration, claims ports, creates directories. */
    CompletionStage<Void> provision();

    CompletionStage<Void> start();

    CompletionStage<Void> stop();

    default CompletionStage<Void> restart() {
        return stop().thenCompose(stopped -> start());
    }

    /** Applies changed configuration to a running service; by default a restart. */
    default CompletionStage<Void> reload() {
        return restart();
    }

    /** Stops the service and releases what provision claimed. The core deletes the service's directory afterwards. */
    CompletionStage<Void> deprovision();

    /** Tells whether the service runs. Must be cheap: the reconciler probes every service periodically. */
    CompletionStage<ServiceStatus> probe();

    /**
     * A statistics sample of the running service. Engines without statistics (the default)
     * complete with null: the collector then stores nothing for the service.
     */
    default CompletionStage<ServiceStats> statistics() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * What an encoder or a listener needs to connect (server, port, mount, source credentials,
     * listen URL), shown only to the service's owner and those who manage it. Empty by default.
     */
    default CompletionStage<java.util.Map<String, String>> connectionDetails() {
        return CompletableFuture.completedFuture(java.util.Map.of());
    }

    /** The listeners (or viewers) connected now; empty for engines that cannot tell. */
    default CompletionStage<java.util.List<ListenerInfo>> listeners() {
        return CompletableFuture.completedFuture(java.util.List.of());
    }

    /**
     * For an engine declaring {@link Capabilities#SKIP_TRACK}: ends the track on the air now, so
     * the next one starts (a source engine asks the panel for it as at any track end). Completes
     * exceptionally with a message a customer can read when it cannot (a live DJ is on the air,
     * say). The default: not supported.
     */
    default CompletionStage<Void> skipTrack() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("this engine cannot skip tracks"));
    }

    /**
     * For an engine declaring {@link Capabilities#SKIP_TRACK}: the panel's choice of the next track
     * changed (the owner queued one), so a track the engine already asked for ahead is dropped and
     * asked for again; the track on the air plays on. The default does nothing: the change then
     * shows one track later.
     */
    default CompletionStage<Void> refreshUpcoming() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Not called. When a service's settings change, the core makes a new handler for the new
     * settings (through {@link EngineFactory#createHandler}; the old one is disposed) and queues a
     * {@link #reload} if the service runs. Keep what must survive that (counters, connections) in
     * the factory, keyed by the service id.
     *
     * @deprecated kept so plugins built against 1.0 still link; it will be removed in 2.0
     */
    @Deprecated
    default void update(ServiceContext context) {}

    /** The handler is no longer used (plugin stopping, service deleted); release in-memory resources only. */
    default void dispose() {}

    /**
     * For a server engine whose type accepts sources: where a source speaking {@code protocol}
     * (one of the type's {@link EngineType#sourceProtocols()}) feeds this service, with the
     * service's own source credentials. The platform asks when it makes an attached source's
     * handler; a plugin never reads another plugin's files. The default: no sources accepted.
     */
    default CompletionStage<SourceEndpoint> sourceEndpoint(String protocol) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("this engine accepts no sources"));
    }
}
