/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.flussonic.internal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.ListenerInfo;
import org.castpanel.engine.api.Restreaming;
import org.castpanel.engine.api.RunState;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.ServiceStats;
import org.castpanel.engine.api.ServiceStatus;
import org.castpanel.engine.api.platform.Callbacks;
import org.castpanel.engine.api.platform.EngineServer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One service: one stream on the Flussonic server it was placed on. Published streams take the
 * service's stream key (checked by the panel in the publish callback); pulled ones fetch the
 * customer's source. Every operation is idempotent; start puts the whole stream again, so it
 * rebuilds what a restarted Flussonic lost.
 */
final class FlussonicHandler implements EngineHandler {

    private final ServiceContext context;
    private final EngineCallback callback;
    private final FlussonicEngineFactory engine;
    private final FlussonicApi api;

    FlussonicHandler(ServiceContext context, EngineCallback callback, FlussonicEngineFactory engine) {
        this.context = context;
        this.callback = callback;
        this.engine = engine;
        this.api = engine.api();
    }

    long serviceId() {
        return context.serviceId();
    }

    String streamName() {
        return engine.config().streamPrefix() + context.serviceId();
    }

    String streamKey() {
        return engine.streamKey(context.serviceId(), context.settings().integer("keyGeneration", 1));
    }

    Integer maxViewers() {
        Integer max = context.limits().maxListeners();
        return max == null || max <= 0 ? null : max;
    }

    private boolean pulled() {
        return "pull".equals(context.settings().text("source", "publish"));
    }

    private EngineServer server() {
        return engine.servers()
                .placement(context.serviceId())
                .orElseThrow(() -> new IllegalStateException(
                        "service " + context.serviceId() + " is not placed on a Flussonic server"));
    }

    private String path() {
        return FlussonicApi.STREAMS + "/" + streamName();
    }

    /** The whole stream as the service's settings say; every value from a customer is a JSON value. */
    Map<String, Object> stream() {
        String hooks = engine.callbacks().url(FlussonicEngineFactory.TYPE, Callbacks.serviceScope(context.serviceId()));
        Map<String, Object> stream = new LinkedHashMap<>();
        stream.put("title", context.name());
        if (pulled()) {
            String source = context.settings()
                    .text("pullUrl")
                    .filter(u -> !u.isBlank())
                    .orElseThrow(
                            () -> new IllegalArgumentException("a pulled stream needs pullUrl, the source to fetch"));
            URI uri = URI.create(source);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("pullUrl has no host: " + source);
            }
            engine.targets().check(uri.getHost());
            stream.put("inputs", List.of(Map.of("url", source)));
            stream.put("on_publish", null); // nobody publishes to a pulled stream
        } else {
            stream.put("inputs", List.of(Map.of("url", "publish://")));
            stream.put("on_publish", Map.of("url", hooks + "/publish"));
        }
        stream.put("on_play", Map.of("url", hooks + "/play"));
        List<Map<String, Object>> pushes = new ArrayList<>();
        for (Restreaming.Target t : Restreaming.targets(context.settings(), FlussonicEngineFactory.PUSH_TARGETS)) {
            engine.targets().check(t.server().getHost());
            pushes.add(Map.of("url", t.url()));
        }
        stream.put("pushes", pushes);
        long hours = context.settings().integer("dvrHours", 0);
        if (hours > 0) {
            Long quota = context.limits().diskQuotaMb();
            if (quota == null || quota <= 0) {
                throw new IllegalArgumentException(
                        "DVR keeps video within the service's disk quota, and this service has none");
            }
            stream.put("dvr", Map.of("expiration", hours * 3600, "storage_limit", quota * 1024 * 1024));
        } else {
            stream.put("dvr", null); // null turns DVR off
        }
        return stream;
    }

    @Override
    public CompletionStage<Void> provision() {
        return async(() -> {
            EngineServer server = server();
            Map<String, Object> stream = stream();
            // a new stream waits, disabled, for its start; an existing one keeps its state
            if (api.call(server, "GET", path(), null).status() == 404) {
                stream.put("disabled", true);
            }
            api.expect(api.call(server, "PUT", path(), stream), server, "save the stream " + streamName());
            return null;
        });
    }

    @Override
    public CompletionStage<Void> start() {
        return async(() -> {
            EngineServer server = server();
            Map<String, Object> stream = stream();
            stream.put("disabled", false);
            api.expect(api.call(server, "PUT", path(), stream), server, "start the stream " + streamName());
            return null;
        });
    }

    @Override
    public CompletionStage<Void> stop() {
        return async(() -> {
            EngineServer server = server();
            FlussonicApi.Answer disabled = api.call(server, "PUT", path(), Map.of("disabled", true));
            if (disabled.status() == 404) {
                return null; // nothing there: stopped
            }
            api.expect(disabled, server, "stop the stream " + streamName());
            api.call(server, "POST", path() + "/stop", null); // kicks a publisher still connected
            return null;
        });
    }

    @Override
    public CompletionStage<Void> deprovision() {
        return async(() -> {
            EngineServer server = server();
            FlussonicApi.Answer deleted = api.call(server, "DELETE", path(), null);
            if (deleted.status() != 404) {
                api.expect(deleted, server, "delete the stream " + streamName());
            }
            engine.forget(context.serviceId());
            return null;
        });
    }

    @Override
    public CompletionStage<ServiceStatus> probe() {
        return async(() -> {
            EngineServer server = server();
            try {
                FlussonicApi.Answer answer = api.call(server, "GET", path(), null);
                engine.health(server, EngineServer.State.HEALTHY, "answers");
                if (answer.status() == 404) {
                    return ServiceStatus.stopped("no stream " + streamName() + " on " + server.name());
                }
                JsonNode stream = api.expect(answer, server, "show the stream " + streamName())
                        .body();
                if (stream.path("disabled").asBoolean(false)) {
                    return ServiceStatus.stopped(streamName() + " is disabled on " + server.name());
                }
                JsonNode stats = stream.path("stats");
                return ServiceStatus.running(streamName() + " on " + server.name() + ": "
                        + (stats.path("alive").asBoolean(false)
                                ? "live"
                                : stats.path("status").asText("waiting")));
            } catch (FlussonicApi.Unreachable e) {
                engine.health(server, EngineServer.State.UNHEALTHY, e.getMessage());
                return new ServiceStatus(RunState.UNKNOWN, "engine server unreachable: " + e.getMessage());
            }
        });
    }

    @Override
    public CompletionStage<ServiceStats> statistics() {
        return async(() -> {
            EngineServer server = server();
            JsonNode listed = engine.listed(server, streamName());
            if (listed == null) {
                return null; // not on the server (yet): no sample
            }
            JsonNode stats = listed.path("stats");
            boolean alive = stats.path("alive").asBoolean(false);
            if (alive) {
                watchBitrate(server, stats.path("bitrate").asDouble(0));
            }
            Map<String, Integer> byProtocol = new LinkedHashMap<>();
            byProtocol.put("RTMP", 0);
            byProtocol.put("HLS", 0);
            for (FlussonicEngineFactory.Viewer v : engine.viewers(context.serviceId())) {
                byProtocol.merge(v.proto().toUpperCase(Locale.ROOT), 1, Integer::sum);
            }
            int viewers = stats.path("online_clients").asInt(0);
            return new ServiceStats(
                    Instant.now(),
                    viewers,
                    engine.peak(context.serviceId(), viewers),
                    Math.max(0, stats.path("bytes_out").asLong(0)),
                    alive,
                    null,
                    Map.of(),
                    null,
                    byProtocol);
        });
    }

    /** A publisher sending more than the service's bitrate (with a quarter's tolerance) is stopped. */
    private void watchBitrate(EngineServer server, double kbps) {
        Integer limit = context.limits().maxBitrateKbps();
        if (limit == null || pulled() || kbps <= limit * 1.25) {
            return;
        }
        if (api.call(server, "POST", path() + "/stop", null).ok()) {
            callback.event(String.format(
                    Locale.ROOT,
                    "encoder disconnected: it sent %.0f kbit/s, over the service's limit of %d kbit/s",
                    kbps,
                    limit));
        }
    }

    @Override
    public CompletionStage<List<ListenerInfo>> listeners() {
        long now = System.currentTimeMillis();
        return CompletableFuture.completedFuture(engine.viewers(context.serviceId()).stream()
                .map(v -> new ListenerInfo(v.ip(), v.userAgent(), (now - v.since()) / 1000, v.proto()))
                .toList());
    }

    @Override
    public CompletionStage<Map<String, String>> connectionDetails() {
        return async(() -> {
            EngineServer server = server();
            FlussonicConfig config = engine.config();
            String host = server.publicHost();
            String http = config.hlsScheme() + "://" + host + ":" + config.httpPort() + "/" + streamName();
            Map<String, String> details = new LinkedHashMap<>();
            if (!pulled()) {
                details.put("server", "rtmp://" + host + ":" + config.rtmpPort() + "/static");
                details.put("streamKey", streamName() + "?token=" + streamKey());
                details.put(
                        "publishUrl",
                        "rtmp://" + host + ":" + config.rtmpPort() + "/static/" + streamName() + "?token="
                                + streamKey());
            } else {
                details.put("pulledFrom", context.settings().text("pullUrl", ""));
            }
            details.put("hlsUrl", http + "/index.m3u8");
            if (context.settings().integer("dvrHours", 0) > 0) {
                details.put("dvrUrl", http + "/archive-{from}-{duration}.m3u8");
            }
            details.put("flussonicServer", server.name());
            return details;
        });
    }

    @Override
    public void dispose() {
        engine.unregister(this);
    }

    private <T> CompletionStage<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, engine.executor());
    }
}
