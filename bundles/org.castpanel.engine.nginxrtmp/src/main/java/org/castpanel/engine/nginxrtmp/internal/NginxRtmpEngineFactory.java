/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.nginxrtmp.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.castpanel.engine.api.Capabilities;
import org.castpanel.engine.api.ConfigField;
import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.EngineType;
import org.castpanel.engine.api.MediaKind;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.platform.Callbacks;
import org.castpanel.engine.api.platform.ConfigFiles;
import org.castpanel.engine.api.platform.DaemonThreads;
import org.castpanel.engine.api.platform.OutboundTargets;
import org.castpanel.engine.api.platform.PanelNode;
import org.castpanel.engine.api.platform.ProcessSupervisor;
import org.castpanel.engine.api.platform.ServiceDirectories;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The Nginx-RTMP engine type: one shared nginx per node, fixed applications, and services told
 * apart by their stream keys in nginx's publish and play callbacks (answered by
 * {@link NginxCallbacks}, through the platform's callback endpoint), so no service change ever reloads nginx and drops viewers.
 */
@Component(service = EngineFactory.class, configurationPid = NginxRtmpConfig.PID)
@Designate(ocd = NginxRtmpConfig.class)
public class NginxRtmpEngineFactory implements EngineFactory {

    static final String TYPE = "nginx-rtmp";

    static final List<ConfigField> FIELDS = List.of(
            ConfigField.integer(
                    "keyGeneration",
                    "Stream key generation",
                    1,
                    1_000_000_000,
                    1L,
                    "Raise by one to rotate the stream key: the old key stops working at once"),
            ConfigField.bool("rtmpPlayback", "RTMP playback", true, "Let players watch over RTMP besides HLS"),
            ConfigField.bool(
                    "record",
                    "Record broadcasts",
                    false,
                    "Keep every broadcast as a file in the service's recordings (counts against its disk quota)"),
            pushUrl(1),
            pushKey(1),
            pushUrl(2),
            pushKey(2));

    /** Restreaming targets: how many a service may have. */
    static final int PUSH_TARGETS = 2;

    private static ConfigField pushUrl(int n) {
        return ConfigField.builder("pushUrl" + n, ConfigField.Type.TARGET_URL)
                .label("Restream " + n + ": server")
                .maxLength(300)
                .pattern("rtmps?://.+")
                .description("RTMP server to publish to while you broadcast, e.g. rtmp://a.rtmp.youtube.com/live2")
                .build();
    }

    private static ConfigField pushKey(int n) {
        return ConfigField.builder("pushKey" + n, ConfigField.Type.TEXT)
                .label("Restream " + n + ": stream key")
                .maxLength(300)
                .secret()
                .pattern("[A-Za-z0-9_.=&?/+-]{1,300}")
                .description("The key that platform gave you (letters, digits and _ - . = & ? / + only)")
                .build();
    }

    private final ProcessSupervisor supervisor;
    private final OutboundTargets targets;
    private final StreamKeys keys;
    private final NginxServer server;
    private final HlsLog hlsLog;
    private final Map<Long, NginxRtmpHandler> handlers = new ConcurrentHashMap<>();
    private final Map<Long, long[]> rtmpBytes = new ConcurrentHashMap<>();
    /** serviceId → the key its current encoder presented (handlers are re-made when settings change) */
    private final Map<Long, String> publishingKeys = new ConcurrentHashMap<>();

    private final Map<Long, AtomicInteger> rtmpViewers = new ConcurrentHashMap<>();
    /** Waiting on nginx and its HTTP endpoints happens here, never on the common pool. */
    private final ExecutorService executor = Executors.newCachedThreadPool(DaemonThreads.named("castpanel-nginx-rtmp"));

    private final Callbacks callbacks;
    private final PanelNode node;
    private final AutoCloseable callbackRegistration;

    @Activate
    public NginxRtmpEngineFactory(
            final @Reference ProcessSupervisor supervisor,
            final @Reference ServiceDirectories directories,
            final @Reference OutboundTargets targets,
            final @Reference Callbacks callbacks,
            final @Reference PanelNode node,
            final NginxRtmpConfig config) {
        this.node = node;
        this.supervisor = supervisor;
        this.targets = targets;
        Path dir = directories.engineDirectory(TYPE);
        this.keys = new StreamKeys(secret(dir));
        this.callbacks = callbacks;
        this.server = new NginxServer(supervisor, dir, config, callbacks.url(TYPE, "engine"), keys.relayToken());
        this.hlsLog = new HlsLog(dir.resolve("hls-access.log"));
        this.callbackRegistration = callbacks.register(TYPE, new NginxCallbacks(this));
    }

    @Modified
    void modified(NginxRtmpConfig config) throws IOException {
        server.reconfigure(config, callbacks.url(TYPE, "engine"));
    }

    /** nginx keeps running: streams outlive panel restarts and plugin upgrades. */
    @Deactivate
    void deactivate() throws Exception {
        callbackRegistration.close();
        executor.shutdownNow();
    }

    /** The plugin's secret, made once per node: stream keys and the relay token derive from it. */
    private static byte[] secret(Path dir) {
        try {
            return ConfigFiles.secret(dir.resolve("secret"), 32);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<EngineType> engineTypes() {
        return List.of(EngineType.server(
                TYPE,
                "Nginx-RTMP",
                MediaKind.VIDEO,
                Set.of(
                        Capabilities.STREAM_KEYS,
                        Capabilities.HLS,
                        Capabilities.LISTENER_STATS,
                        Capabilities.RECORDING,
                        Capabilities.RESTREAMING,
                        Capabilities.DELETES_MEDIA),
                FIELDS));
    }

    @Override
    public EngineHandler createHandler(ServiceContext context, EngineCallback callback) {
        NginxRtmpHandler handler = new NginxRtmpHandler(context, callback, this, executor);
        handlers.put(context.serviceId(), handler);
        return handler;
    }

    /** The node's public host name, from the platform: what connection details show. */
    String publicHostname() {
        return node.publicHostname();
    }

    void unregister(NginxRtmpHandler handler) {
        handlers.remove(handler.serviceId(), handler);
    }

    /** The handler of the service a stream key or a public stream name points to. */
    Optional<NginxRtmpHandler> byKey(String key) {
        return StreamKeys.serviceOf(key).stream()
                .mapToObj(id -> handlers.get(id))
                .filter(h -> h != null)
                .findFirst();
    }

    Optional<NginxRtmpHandler> byStreamName(String name) {
        if (name == null || !name.matches("service_\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.ofNullable(handlers.get(Long.parseLong(name.substring("service_".length()))));
    }

    void publishing(long serviceId, String key) {
        if (key == null) {
            publishingKeys.remove(serviceId);
        } else {
            publishingKeys.put(serviceId, key);
        }
    }

    /** The service is gone: what the plugin kept about it goes too. */
    void forget(long serviceId) {
        hlsLog.forget(serviceId);
        publishingKeys.remove(serviceId);
        rtmpViewers.remove(serviceId);
        rtmpBytes.remove(serviceId);
    }

    AtomicInteger rtmpViewers(long serviceId) {
        return rtmpViewers.computeIfAbsent(serviceId, id -> new AtomicInteger());
    }

    String publishingKey(long serviceId) {
        return publishingKeys.get(serviceId);
    }

    StreamKeys keys() {
        return keys;
    }

    OutboundTargets targets() {
        return targets;
    }

    ProcessSupervisor supervisor() {
        return supervisor;
    }

    NginxServer server() {
        return server;
    }

    HlsLog hlsLog() {
        return hlsLog;
    }

    /**
     * A growing count of the bytes a service's RTMP players received: nginx's counter restarts with
     * every new stream, this one only adds.
     */
    long transfer(long serviceId, long bytesOutNow) {
        long[] counter = rtmpBytes.computeIfAbsent(serviceId, id -> new long[2]);
        synchronized (counter) {
            counter[1] += bytesOutNow >= counter[0] ? bytesOutNow - counter[0] : bytesOutNow;
            counter[0] = bytesOutNow;
            return counter[1];
        }
    }

    /** A file nginx says it recorded, if it really is in the recordings folder nginx writes to. */
    Path recordingFile(String reported) {
        if (reported == null) {
            return null;
        }
        Path folder = server.directory().resolve("recordings");
        Path file = Path.of(reported).normalize();
        return file.startsWith(folder) && file.getParent().equals(folder) ? file : null;
    }

    /** Removes a service's HLS files (nginx leaves the last playlist and fragments behind). */
    void deleteHls(long serviceId) {
        try {
            ConfigFiles.deleteTree(server.directory().resolve("hls").resolve("service_" + serviceId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the node's nginx: for tests; in the panel nginx outlives the plugin. */
    void stopServer(ProcessSupervisor supervisor) {
        supervisor.stop(server.directory(), NginxServer.DAEMON, java.time.Duration.ofSeconds(10));
    }
}
