/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.wowza.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.Restreaming;
import org.castpanel.engine.api.RunState;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.ServiceStats;
import org.castpanel.engine.api.ServiceStatus;
import org.castpanel.engine.api.platform.ConfigFiles;
import org.castpanel.engine.api.platform.EngineServer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One service: one live application on the Wowza server it was placed on, its publisher (the
 * encoder's username and password), its restreaming targets as push-publish map entries. Every
 * operation is idempotent: start re-creates whatever a restarted Wowza lost.
 */
final class WowzaHandler implements EngineHandler {

    static final String PUSH_ENTRY = "castpanel-push-";
    private static final Map<String, String> PROTOCOLS = Map.of(
            "RTMP", "RTMP",
            "CUPERTINO", "HLS",
            "MPEGDASH", "MPEG-DASH",
            "SMOOTH", "Smooth",
            "SANJOSE", "HDS",
            "RTP", "RTP",
            "WEBM", "WebM");

    private final ServiceContext context;
    private final EngineCallback callback;
    private final WowzaEngineFactory engine;
    private final WowzaRest rest;

    WowzaHandler(ServiceContext context, EngineCallback callback, WowzaEngineFactory engine) {
        this.context = context;
        this.callback = callback;
        this.engine = engine;
        this.rest = engine.rest();
    }

    // ---- names and credentials ----

    String application() {
        return engine.config().applicationPrefix() + context.serviceId();
    }

    String publisher() {
        return application();
    }

    String streamName() {
        return context.settings().text("streamName", "live");
    }

    /** The publisher's password: derived from the service's secret and its key generation, so raising it rotates. */
    String password() {
        try {
            Files.createDirectories(context.serviceDirectory());
            byte[] secret = ConfigFiles.secret(context.serviceDirectory().resolve("publisher.secret"), 32);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] derived = mac.doFinal(
                    ("publisher:" + context.settings().integer("keyGeneration", 1)).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(derived)
                    .substring(0, 24);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private EngineServer server() {
        return engine.servers()
                .placement(context.serviceId())
                .orElseThrow(() -> new IllegalStateException(
                        "service " + context.serviceId() + " is not placed on a Wowza server"));
    }

    private String appPath() {
        return WowzaRest.APPLICATIONS + "/" + application();
    }

    // ---- the life of the application ----

    @Override
    public CompletionStage<Void> provision() {
        return async(() -> {
            ensure(server());
            return null;
        });
    }

    /** The publisher, the application with the service's settings, its map entries: as they should be now. */
    private void ensure(EngineServer server) {
        List<Map<String, Object>> entries = wantedEntries();
        // the publisher: Wowza never shows a password back, so it is replaced rather than compared
        String publishers = WowzaRest.SERVER + "/publishers";
        rest.delete(server, publishers + "/" + publisher());
        rest.expect(
                rest.post(server, publishers, Map.of("name", publisher(), "password", password())),
                server,
                "create the publisher " + publisher());
        Map<String, Object> app = applicationSettings();
        WowzaRest.Reply created = rest.post(server, appPath(), app);
        if (created.status() == 409) {
            rest.expect(rest.put(server, appPath(), app), server, "update the application " + application());
        } else {
            rest.expect(created, server, "create the application " + application());
        }
        if (!entries.isEmpty()) {
            rest.expect(
                    rest.put(
                            server,
                            appPath() + "/adv",
                            Map.of(
                                    "modules",
                                    List.of(Map.of(
                                            "name", "ModulePushPublish",
                                            "description", "Push publishing (CastPanel's restreaming targets)",
                                            "class", "com.wowza.wms.plugin.pushpublish.module.ModulePushPublish",
                                            "order", 0)))),
                    server,
                    "enable push publishing");
        }
        String mapEntries = appPath() + "/pushpublish/mapentries";
        Set<String> existing = new HashSet<>();
        for (JsonNode entry : rest.expect(rest.get(server, mapEntries), server, "list the stream targets")
                .body()
                .path("mapEntries")) {
            existing.add(entry.path("entryName").asText());
        }
        Set<String> wanted = new HashSet<>();
        for (Map<String, Object> entry : entries) {
            String name = (String) entry.get("entryName");
            wanted.add(name);
            String path = mapEntries + "/" + name;
            rest.expect(
                    existing.contains(name) ? rest.put(server, path, entry) : rest.post(server, path, entry),
                    server,
                    "save the stream target " + name);
        }
        for (String name : existing) {
            if (name.startsWith(PUSH_ENTRY) && !wanted.contains(name)) {
                rest.delete(server, mapEntries + "/" + name);
            }
        }
    }

    private Map<String, Object> applicationSettings() {
        Integer viewers = context.limits().maxListeners();
        Map<String, Object> security = new LinkedHashMap<>();
        security.put("publishRequirePassword", true);
        security.put("publishAuthenticationMethod", "digest");
        security.put("playMaximumConnections", viewers == null ? 0 : Math.max(0, viewers));
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("name", application());
        app.put("appType", "Live");
        app.put("clientStreamReadAccess", "*");
        app.put("clientStreamWriteAccess", "*");
        // the customer's service name is text in a JSON string, never part of a path or name
        app.put("description", "CastPanel service " + context.serviceId() + ": " + context.name());
        app.put("streamConfig", Map.of("streamType", "live"));
        app.put("httpStreamers", List.of("cupertinostreaming", "mpegdashstreaming"));
        app.put("securityConfig", security);
        return app;
    }

    /** The service's restreaming targets as Wowza map entries; a target on a refused host stops the provision. */
    List<Map<String, Object>> wantedEntries() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Restreaming.Target t : Restreaming.targets(context.settings(), WowzaEngineFactory.PUSH_TARGETS)) {
            if (!"rtmp".equals(t.server().getScheme())) {
                throw new IllegalArgumentException(
                        "pushUrl" + t.number() + ": Wowza's push publishing here takes rtmp:// servers only");
            }
            engine.targets().check(t.server().getHost());
            if (t.application().isEmpty()) {
                throw new IllegalArgumentException("pushUrl" + t.number() + " names no application: " + t.server());
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("entryName", PUSH_ENTRY + t.number());
            entry.put("sourceStreamName", streamName());
            entry.put("profile", "rtmp");
            entry.put("host", t.server().getHost());
            entry.put("port", t.server().getPort() > 0 ? t.server().getPort() : 1935);
            entry.put("application", t.application());
            entry.put("streamName", t.key());
            entries.add(entry);
        }
        return entries;
    }

    @Override
    public CompletionStage<Void> start() {
        return async(() -> {
            EngineServer server = server();
            ensure(server);
            rest.expect(rest.put(server, appPath() + "/actions/restart", null), server, "start " + application());
            return null;
        });
    }

    @Override
    public CompletionStage<Void> stop() {
        return async(() -> {
            EngineServer server = server();
            WowzaRest.Reply reply = rest.put(server, appPath() + "/actions/shutdown", null);
            if (reply.status() != 404) {
                rest.expect(reply, server, "shut down " + application());
            }
            return null;
        });
    }

    @Override
    public CompletionStage<Void> deprovision() {
        return async(() -> {
            EngineServer server = server();
            rest.put(server, appPath() + "/actions/shutdown", null);
            WowzaRest.Reply deleted = rest.delete(server, appPath());
            if (deleted.status() != 404) {
                rest.expect(deleted, server, "delete " + application());
            }
            WowzaRest.Reply publisher = rest.delete(server, WowzaRest.SERVER + "/publishers/" + publisher());
            if (publisher.status() != 404) {
                rest.expect(publisher, server, "delete the publisher " + publisher());
            }
            engine.forget(context.serviceId());
            return null;
        });
    }

    @Override
    public CompletionStage<ServiceStatus> probe() {
        return CompletableFuture.supplyAsync(
                () -> {
                    EngineServer server = server();
                    try {
                        WowzaRest.Reply instances = rest.get(server, appPath() + "/instances");
                        engine.health(server, EngineServer.State.HEALTHY, "answers");
                        if (instances.status() == 404) {
                            return ServiceStatus.stopped("no application " + application() + " on " + server.name());
                        }
                        rest.expect(instances, server, "list the instances of " + application());
                        return instances.body().path("instanceList").isEmpty()
                                ? ServiceStatus.stopped(application() + " is shut down on " + server.name())
                                : ServiceStatus.running(application() + " runs on " + server.name());
                    } catch (WowzaRest.Unreachable e) {
                        engine.health(server, EngineServer.State.UNHEALTHY, e.getMessage());
                        return new ServiceStatus(RunState.UNKNOWN, "engine server unreachable: " + e.getMessage());
                    }
                },
                engine.executor());
    }

    @Override
    public CompletionStage<ServiceStats> statistics() {
        return CompletableFuture.supplyAsync(
                () -> {
                    EngineServer server = server();
                    JsonNode app = rest.expect(
                                    rest.get(server, appPath() + "/monitoring/current"),
                                    server,
                                    "report on " + application())
                            .body();
                    String stream = appPath() + "/instances/_definst_/incomingstreams/" + streamName();
                    WowzaRest.Reply incoming = rest.get(server, stream);
                    boolean live =
                            incoming.ok() && incoming.body().path("isConnected").asBoolean(false);
                    if (live) {
                        watchBitrate(server, stream);
                    }
                    Map<String, Integer> byProtocol = new LinkedHashMap<>();
                    byProtocol.put("RTMP", 0);
                    byProtocol.put("HLS", 0);
                    app.path("connectionCount").fields().forEachRemaining(e -> {
                        String protocol = PROTOCOLS.getOrDefault(e.getKey(), e.getKey());
                        if (e.getValue().asInt() > 0 || byProtocol.containsKey(protocol)) {
                            byProtocol.put(protocol, e.getValue().asInt());
                        }
                    });
                    int viewers = app.path("totalConnections").asInt(0);
                    return new ServiceStats(
                            Instant.now(),
                            viewers,
                            engine.peak(context.serviceId(), viewers),
                            Math.max(0, app.path("bytesOut").asLong(0)),
                            live,
                            null,
                            Map.of(),
                            null,
                            byProtocol);
                },
                engine.executor());
    }

    /** A publisher sending more than the service's bitrate (with a quarter's tolerance) is disconnected. */
    private void watchBitrate(EngineServer server, String stream) {
        Integer limit = context.limits().maxBitrateKbps();
        if (limit == null) {
            return;
        }
        WowzaRest.Reply monitoring = rest.get(server, stream + "/monitoring/current");
        if (!monitoring.ok()) {
            return;
        }
        double kbps = monitoring.body().path("bytesInRate").asDouble(0) * 8 / 1000;
        if (kbps > limit * 1.25
                && rest.put(server, stream + "/actions/disconnectStream", null).ok()) {
            callback.event(String.format(
                    Locale.ROOT,
                    "encoder disconnected: it sent %.0f kbit/s, over the service's limit of %d kbit/s",
                    kbps,
                    limit));
        }
    }

    @Override
    public CompletionStage<Map<String, String>> connectionDetails() {
        return async(() -> {
            EngineServer server = server();
            WowzaConfig config = engine.config();
            String host = server.publicHost();
            Map<String, String> details = new LinkedHashMap<>();
            details.put("server", "rtmp://" + host + ":" + config.rtmpPort() + "/" + application());
            details.put("streamName", streamName());
            details.put("username", publisher());
            details.put("password", password());
            details.put(
                    "publishUrl",
                    "rtmp://" + host + ":" + config.rtmpPort() + "/" + application() + "/" + streamName());
            details.put(
                    "hlsUrl",
                    config.hlsScheme() + "://" + host + ":" + config.hlsPort() + "/" + application() + "/"
                            + streamName() + "/playlist.m3u8");
            details.put("wowzaServer", server.name());
            return details;
        });
    }

    private <T> CompletionStage<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, engine.executor());
    }
}
