/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.flussonic.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.castpanel.engine.api.Capabilities;
import org.castpanel.engine.api.ConfigField;
import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.EngineType;
import org.castpanel.engine.api.MediaKind;
import org.castpanel.engine.api.Restreaming;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.platform.CallbackReply;
import org.castpanel.engine.api.platform.CallbackRequest;
import org.castpanel.engine.api.platform.Callbacks;
import org.castpanel.engine.api.platform.ConfigFiles;
import org.castpanel.engine.api.platform.DaemonThreads;
import org.castpanel.engine.api.platform.EngineServer;
import org.castpanel.engine.api.platform.EngineServers;
import org.castpanel.engine.api.platform.OutboundTargets;
import org.castpanel.engine.api.platform.ServiceDirectories;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The Flussonic Media Server type: each service is one stream on a Flussonic server an
 * administrator registered, driven over API v3. Flussonic asks the panel about every publish and
 * every viewer session (the stream's {@code on_publish} and {@code on_play} point at the
 * platform's callback endpoint), so stream keys, viewer limits and the viewers list live here.
 */
@Component(service = EngineFactory.class, configurationPid = FlussonicConfig.PID)
@Designate(ocd = FlussonicConfig.class)
public class FlussonicEngineFactory implements EngineFactory {

    static final String TYPE = "flussonic";
    static final int PUSH_TARGETS = 2;

    static final List<ConfigField> FIELDS = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(
                            ConfigField.choice(
                                    "source",
                                    "Source",
                                    List.of("publish", "pull"),
                                    "publish",
                                    "publish: your encoder pushes to Flussonic; pull: Flussonic fetches a camera or another server"),
                            ConfigField.builder("pullUrl", ConfigField.Type.TARGET_URL)
                                    .label("Pull from")
                                    .maxLength(500)
                                    .pattern(
                                            "(rtmp|rtsp|http|https)://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9_.~%=&?/+-]*)?")
                                    .description("For source pull: an RTSP camera, an RTMP stream or an HLS playlist, "
                                            + "e.g. rtsp://camera.example.net/stream1")
                                    .build(),
                            ConfigField.integer(
                                    "keyGeneration",
                                    "Stream key generation",
                                    1,
                                    1_000_000_000,
                                    1L,
                                    "Raise by one to rotate the stream key: the old key stops working at once"),
                            ConfigField.integer(
                                    "dvrHours",
                                    "DVR (hours kept)",
                                    0,
                                    720,
                                    0L,
                                    "Keep the last N hours for rewinding (0: off); stored within the service's disk quota")),
                    Restreaming.fields(PUSH_TARGETS).stream())
            .toList();

    /** A viewer session Flussonic reported through the play callback. */
    record Viewer(String sessionId, String ip, String proto, String userAgent, long since, long seen) {}

    private final EngineServers servers;
    private final OutboundTargets targets;
    private final Callbacks callbacks;
    private final byte[] keySecret;
    private final AutoCloseable registration;
    /** The handlers' own threads for API calls (not the common pool: one thread on two cores). */
    private final ExecutorService executor = Executors.newCachedThreadPool(DaemonThreads.named("castpanel-flussonic"));
    /** serviceId → its current handler, for the callbacks (handlers are re-made when settings change) */
    private final Map<Long, FlussonicHandler> handlers = new ConcurrentHashMap<>();
    /** serviceId → sessionId → the viewer */
    private final Map<Long, Map<String, Viewer>> viewers = new ConcurrentHashMap<>();

    private final Map<Long, Integer> peaks = new ConcurrentHashMap<>();
    private final Map<Long, String> reported = new ConcurrentHashMap<>();
    /** serverId → every stream of that server as one listing found it, for the statistics pass */
    private final Map<Long, Listing> listings = new ConcurrentHashMap<>();

    /** A server's streams by name, read through the cursor-paged listing, and when. */
    record Listing(Map<String, com.fasterxml.jackson.databind.JsonNode> streams, long readAt) {}

    /** How long one listing serves the statistics of all of a server's services. */
    static final long LISTING_MILLIS = 2_000;

    private volatile FlussonicConfig config;
    private volatile FlussonicApi api;

    @Activate
    public FlussonicEngineFactory(
            final @Reference EngineServers servers,
            final @Reference OutboundTargets targets,
            final @Reference Callbacks callbacks,
            final @Reference ServiceDirectories directories,
            final FlussonicConfig config) {
        this.servers = servers;
        this.targets = targets;
        this.callbacks = callbacks;
        try {
            this.keySecret =
                    ConfigFiles.secret(directories.engineDirectory(TYPE).resolve("stream-key.secret"), 32);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        modified(config);
        this.registration = callbacks.register(TYPE, this::callback);
    }

    @Modified
    void modified(FlussonicConfig config) {
        this.config = config;
        Duration timeout = Duration.ofMillis(Math.max(500, config.requestTimeoutMillis()));
        this.api = new FlussonicApi(
                HttpClient.newBuilder()
                        .connectTimeout(timeout)
                        .executor(executor)
                        .build(),
                timeout);
    }

    @Deactivate
    void deactivate() throws Exception {
        registration.close();
        executor.shutdownNow();
    }

    @Override
    public List<EngineType> engineTypes() {
        return List.of(EngineType.server(
                TYPE,
                "Flussonic Media Server",
                MediaKind.VIDEO,
                Set.of(
                        Capabilities.REMOTE_SERVERS,
                        Capabilities.HLS,
                        Capabilities.RESTREAMING,
                        Capabilities.STREAM_KEYS,
                        Capabilities.RELAY,
                        Capabilities.LISTENER_STATS),
                FIELDS));
    }

    @Override
    public EngineHandler createHandler(ServiceContext context, EngineCallback callback) {
        FlussonicHandler handler = new FlussonicHandler(context, callback, this);
        handlers.put(context.serviceId(), handler);
        return handler;
    }

    @Override
    public CompletionStage<String> checkServer(EngineServer server) {
        return CompletableFuture.supplyAsync(
                () -> {
                    FlussonicApi.Answer answer = api.expect(
                            api.call(server, "GET", FlussonicApi.STREAMS + "?limit=1", null),
                            server,
                            "list its streams");
                    return "Flussonic API v3, "
                            + answer.body().path("estimated_count").asLong(0) + " stream(s)";
                },
                executor);
    }

    // ---- the callbacks: Flussonic asks about every publish and every viewer session ----

    CallbackReply callback(CallbackRequest request) {
        FlussonicHandler handler = handlers.get(request.serviceId());
        if (handler == null || !handler.streamName().equals(request.parameter("name"))) {
            return CallbackReply.forbidden();
        }
        return switch (request.event()) {
            case "publish" ->
                equal(handler.streamKey(), request.parameter("token")) ? CallbackReply.ok() : CallbackReply.forbidden();
            case "play" -> play(handler, request);
            default -> CallbackReply.notFound();
        };
    }

    private CallbackReply play(FlussonicHandler handler, CallbackRequest request) {
        long serviceId = request.serviceId();
        String session = request.parameter("session_id");
        if (session == null || session.isBlank() || session.length() > 200) {
            return CallbackReply.forbidden();
        }
        Map<String, Viewer> open = viewers.computeIfAbsent(serviceId, id -> new ConcurrentHashMap<>());
        expire(open);
        Integer max = handler.maxViewers();
        if (max != null && !open.containsKey(session) && watching(request, open) >= max) {
            return CallbackReply.forbidden();
        }
        long now = System.currentTimeMillis();
        Viewer before = open.get(session);
        open.put(
                session,
                new Viewer(
                        session,
                        text(request.parameter("ip"), 64),
                        text(request.parameter("proto"), 16),
                        text(request.parameter("user_agent"), 300),
                        before == null ? now : before.since(),
                        now));
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put("X-AuthDuration", Integer.toString(config.authDurationSeconds()));
        if (max != null) {
            headers.put("X-Max-Sessions", Integer.toString(max));
        }
        return new CallbackReply(200, headers, "");
    }

    /** Viewers of the stream now: Flussonic's own count when it sends one (it knows who left), else the panel's. */
    private static int watching(CallbackRequest request, Map<String, Viewer> open) {
        try {
            return Integer.parseInt(String.valueOf(request.parameter("stream_clients")));
        } catch (NumberFormatException e) {
            return open.size();
        }
    }

    private static String text(String value, int max) {
        if (value == null) {
            return "";
        }
        String plain = value.replaceAll("\\p{Cntrl}", "");
        return plain.length() > max ? plain.substring(0, max) : plain;
    }

    private static boolean equal(String expected, String given) {
        return given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** Sessions Flussonic stopped asking about (twice its re-check interval) have left. */
    private void expire(Map<String, Viewer> open) {
        long cutoff = System.currentTimeMillis() - 2000L * Math.max(5, config.authDurationSeconds());
        open.values().removeIf(v -> v.seen() < cutoff);
    }

    List<Viewer> viewers(long serviceId) {
        Map<String, Viewer> open = viewers.get(serviceId);
        if (open == null) {
            return List.of();
        }
        expire(open);
        return List.copyOf(open.values());
    }

    /** The service's stream key for a key generation: derived, so nothing per service is stored. */
    String streamKey(long serviceId, long generation) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keySecret, "HmacSHA256"));
            byte[] key = mac.doFinal((serviceId + ":" + generation).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(key).substring(0, 24);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A stream as the server's latest listing shows it (null: not on the server): one statistics
     * pass over many services costs a few paged listings instead of a request per service.
     */
    com.fasterxml.jackson.databind.JsonNode listed(EngineServer server, String name) {
        Listing listing = listings.get(server.id());
        if (listing == null || System.currentTimeMillis() - listing.readAt() > LISTING_MILLIS) {
            synchronized (listings) {
                listing = listings.get(server.id());
                if (listing == null || System.currentTimeMillis() - listing.readAt() > LISTING_MILLIS) {
                    listing = list(server);
                    listings.put(server.id(), listing);
                }
            }
        }
        return listing.streams().get(name);
    }

    private Listing list(EngineServer server) {
        Map<String, com.fasterxml.jackson.databind.JsonNode> streams = new java.util.HashMap<>();
        String cursor = null;
        do {
            String path = FlussonicApi.STREAMS + "?limit=" + Math.max(1, Math.min(1000, config.listingPageSize()))
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            com.fasterxml.jackson.databind.JsonNode page = api.expect(
                            api.call(server, "GET", path, null), server, "list its streams")
                    .body();
            for (com.fasterxml.jackson.databind.JsonNode stream : page.path("streams")) {
                streams.put(stream.path("name").asText(), stream);
            }
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (cursor != null && !cursor.isEmpty());
        return new Listing(Map.copyOf(streams), System.currentTimeMillis());
    }

    void unregister(FlussonicHandler handler) {
        handlers.remove(handler.serviceId(), handler);
    }

    void forget(long serviceId) {
        viewers.remove(serviceId);
        peaks.remove(serviceId);
    }

    int peak(long serviceId, int now) {
        return peaks.merge(serviceId, now, Math::max);
    }

    void health(EngineServer server, EngineServer.State state, String detail) {
        String key = state + ":" + detail;
        if (!key.equals(reported.put(server.id(), key))) {
            servers.reportHealth(server.id(), state, detail);
        }
    }

    FlussonicConfig config() {
        return config;
    }

    FlussonicApi api() {
        return api;
    }

    EngineServers servers() {
        return servers;
    }

    OutboundTargets targets() {
        return targets;
    }

    Callbacks callbacks() {
        return callbacks;
    }

    ExecutorService executor() {
        return executor;
    }
}
