/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.wowza.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.castpanel.engine.api.Capabilities;
import org.castpanel.engine.api.ConfigField;
import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.EngineType;
import org.castpanel.engine.api.MediaKind;
import org.castpanel.engine.api.Restreaming;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.platform.DaemonThreads;
import org.castpanel.engine.api.platform.EngineServer;
import org.castpanel.engine.api.platform.EngineServers;
import org.castpanel.engine.api.platform.OutboundTargets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The Wowza Streaming Engine type: each service is one live application on a Wowza server an
 * administrator registered (the core places it), driven over Wowza's REST API. Nothing runs on
 * this machine.
 */
@Component(service = EngineFactory.class, configurationPid = WowzaConfig.PID)
@Designate(ocd = WowzaConfig.class)
public class WowzaEngineFactory implements EngineFactory {

    static final String TYPE = "wowza";
    /** Restreaming targets a service may have. */
    static final int PUSH_TARGETS = 2;

    static final List<ConfigField> FIELDS = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(
                            ConfigField.builder("streamName", ConfigField.Type.TEXT)
                                    .label("Stream name")
                                    .length(1, 64)
                                    .defaultValue("live")
                                    .pattern("[A-Za-z0-9_-]{1,64}")
                                    .description("The stream your encoder publishes (letters, digits, _ and - only)")
                                    .build(),
                            ConfigField.integer(
                                    "keyGeneration",
                                    "Publisher password generation",
                                    1,
                                    1_000_000_000,
                                    1L,
                                    "Raise by one to rotate the publisher password: the old one stops working at once")),
                    Restreaming.fields(PUSH_TARGETS).stream())
            .toList();

    private final EngineServers servers;
    private final OutboundTargets targets;
    /** The handlers' own threads for REST calls (not the common pool: one thread on two cores). */
    private final ExecutorService executor = Executors.newCachedThreadPool(DaemonThreads.named("castpanel-wowza"));
    /** serviceId → the highest viewer count seen (handlers are re-made when settings change) */
    private final Map<Long, Integer> peaks = new ConcurrentHashMap<>();
    /** serverId → the health last reported, so a pass over many services writes it once */
    private final Map<Long, String> reported = new ConcurrentHashMap<>();

    private volatile WowzaConfig config;
    private volatile WowzaRest rest;

    @Activate
    public WowzaEngineFactory(
            final @Reference EngineServers servers,
            final @Reference OutboundTargets targets,
            final WowzaConfig config) {
        this.servers = servers;
        this.targets = targets;
        modified(config);
    }

    @Modified
    void modified(WowzaConfig config) {
        this.config = config;
        this.rest = new WowzaRest(
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofMillis(Math.max(500, config.requestTimeoutMillis())))
                        .executor(executor)
                        .build(),
                Duration.ofMillis(Math.max(500, config.requestTimeoutMillis())));
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public List<EngineType> engineTypes() {
        return List.of(EngineType.server(
                TYPE,
                "Wowza Streaming Engine",
                MediaKind.VIDEO,
                Set.of(
                        Capabilities.REMOTE_SERVERS,
                        Capabilities.HLS,
                        Capabilities.RESTREAMING,
                        Capabilities.STREAM_KEYS),
                FIELDS));
    }

    @Override
    public EngineHandler createHandler(ServiceContext context, EngineCallback callback) {
        return new WowzaHandler(context, callback, this);
    }

    @Override
    public CompletionStage<String> checkServer(EngineServer server) {
        return CompletableFuture.supplyAsync(
                () -> {
                    WowzaRest.Reply reply = rest.expect(rest.get(server, WowzaRest.SERVER), server, "describe itself");
                    String version = reply.body().path("version").asText("");
                    int applications = rest.expect(
                                    rest.get(server, WowzaRest.APPLICATIONS), server, "list its applications")
                            .body()
                            .path("applications")
                            .size();
                    return (version.isBlank() ? "Wowza Streaming Engine" : version) + ", " + applications
                            + " application(s)";
                },
                executor);
    }

    WowzaConfig config() {
        return config;
    }

    WowzaRest rest() {
        return rest;
    }

    EngineServers servers() {
        return servers;
    }

    OutboundTargets targets() {
        return targets;
    }

    ExecutorService executor() {
        return executor;
    }

    /** The highest viewer count of a service so far, with {@code now} counted in. */
    int peak(long serviceId, int now) {
        return peaks.merge(serviceId, now, Math::max);
    }

    void forget(long serviceId) {
        peaks.remove(serviceId);
    }

    /** Tells the registry what a call to a server found, when that changed. */
    void health(EngineServer server, EngineServer.State state, String detail) {
        String key = state + ":" + detail;
        if (!key.equals(reported.put(server.id(), key))) {
            servers.reportHealth(server.id(), state, detail);
        }
    }
}
