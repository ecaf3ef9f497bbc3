/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.nginxrtmp.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.ListenerInfo;
import org.castpanel.engine.api.Recordings;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.ServiceStats;
import org.castpanel.engine.api.ServiceStatus;
import org.castpanel.engine.api.Stages;

/**
 * A video service on the shared nginx. It runs no process of its own: "running" means its marker
 * file exists, and then the publish callback lets its stream key in and the play callback lets
 * viewers watch. Stopping removes the marker and drops whoever is connected.
 */
final class NginxRtmpHandler implements EngineHandler {

    private static final String ACCEPTING = "accepting";

    private final ServiceContext context;
    private final EngineCallback callback;
    private final NginxRtmpEngineFactory engine;
    private final Executor executor;
    private final String key;
    private static final java.time.format.DateTimeFormatter RECORDING_NAME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss-SSS'Z'")
                    .withZone(java.time.ZoneOffset.UTC);

    /** RTMP players let in by the play callback; kept by the plugin, since a handler is re-made on every settings change */
    private final AtomicInteger rtmpViewers;

    private volatile boolean recording;
    private volatile int peakViewers;

    NginxRtmpHandler(
            ServiceContext context, EngineCallback callback, NginxRtmpEngineFactory engine, Executor executor) {
        this.context = context;
        this.callback = callback;
        this.engine = engine;
        this.executor = executor;
        this.rtmpViewers = engine.rtmpViewers(context.serviceId());
        this.key = engine.keys().key(context.serviceId(), context.settings().integer("keyGeneration", 1));
    }

    long serviceId() {
        return context.serviceId();
    }

    /** The stream's public name: what HLS and RTMP players see instead of the key. */
    String streamName() {
        return "service_" + context.serviceId();
    }

    private Path accepting() {
        return context.serviceDirectory().resolve(ACCEPTING);
    }

    boolean accepts() {
        return Files.exists(accepting());
    }

    // ---- callbacks from nginx (through the plugin's servlet) ----

    /** An encoder presents a key: the current key of a running service may publish. */
    boolean authorizePublish(String presentedKey, String address) {
        if (!accepts() || !StreamKeys.same(key, presentedKey)) {
            return false;
        }
        engine.publishing(serviceId(), presentedKey);
        callback.event("publishing started from " + address);
        return true;
    }

    /**
     * nginx relays a stream to {@code live}: only while the ingest callback has let this service's
     * current key in (the callback answered just before nginx starts the relay).
     */
    boolean authorizeRelay() {
        return accepts() && StreamKeys.same(engine.publishingKey(serviceId()), key);
    }

    /**
     * Work that needs the stream to exist in {@code live} (nginx pushes it there just after the
     * publish callback answered): starting the recording.
     */
    void afterPublish() {
        if (!pushTargets().isEmpty()) {
            executor.execute(this::startPushes);
        }
        if (!context.settings().bool("record", false)) {
            return;
        }
        executor.execute(() -> {
            if (overDiskQuota()) {
                callback.event(
                        "not recording: the disk quota of " + context.limits().diskQuotaMb() + " MB is used up");
                return;
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (engine.server().startRecording(streamName())) {
                    recording = true;
                    callback.event("recording started");
                    return;
                }
                try {
                    Thread.sleep(100); // nginx's push reaches live within a moment
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            callback.event("recording could not start: the stream did not reach the live application");
        });
    }

    /** The configured restreaming targets: server URL + "/" + key. */
    List<String> pushTargets() {
        List<String> targets = new ArrayList<>();
        for (int n = 1; n <= NginxRtmpEngineFactory.PUSH_TARGETS; n++) {
            Optional<String> url = context.settings().text("pushUrl" + n);
            Optional<String> key = context.settings().text("pushKey" + n);
            if (url.isPresent() && key.isPresent()) {
                targets.add(url.get().replaceAll("/+$", "") + "/" + key.get());
            }
        }
        return targets;
    }

    /**
     * One supervised ffmpeg per target copies the stream from {@code live} (as a player the play
     * callback recognizes by its token, so it takes no viewer slot) to the target. No shell: the
     * customer's URL and key are one argument each.
     */
    private void startPushes() {
        NginxRtmpConfig c = engine.server().config();
        String source = "rtmp://127.0.0.1:" + c.rtmpPort() + "/live/" + streamName() + "?push="
                + engine.keys().pushToken(serviceId());
        List<String> targets = pushTargets();
        int started = 0;
        for (int n = 0; n < targets.size(); n++) {
            // asked again now: a name can resolve elsewhere than when the customer entered it
            try {
                engine.targets().check(java.net.URI.create(targets.get(n)).getHost());
            } catch (IllegalArgumentException e) {
                callback.event("restream target " + (n + 1) + " not started: " + e.getMessage());
                continue;
            }
            engine.supervisor()
                    .start(new org.castpanel.engine.api.platform.ProcessSupervisor.Launch(
                            "push-" + (n + 1),
                            List.of(
                                    c.ffmpeg(),
                                    "-nostdin",
                                    "-hide_banner",
                                    "-loglevel",
                                    "warning",
                                    "-rw_timeout",
                                    "10000000",
                                    "-i",
                                    source,
                                    "-c",
                                    "copy",
                                    "-f",
                                    "flv",
                                    targets.get(n)),
                            context.serviceDirectory(),
                            Map.of(),
                            c.user()));
            started++;
        }
        if (started > 0) {
            callback.event("restreaming to " + started + " target(s) started");
        }
    }

    private int stopPushes() {
        int stopped = 0;
        for (int n = 1; n <= NginxRtmpEngineFactory.PUSH_TARGETS; n++) {
            if (engine.supervisor().stop(context.serviceDirectory(), "push-" + n, java.time.Duration.ofSeconds(5))) {
                stopped++;
            }
        }
        return stopped;
    }

    private int runningPushes() {
        int running = 0;
        for (int n = 1; n <= NginxRtmpEngineFactory.PUSH_TARGETS; n++) {
            if (engine.supervisor()
                    .running(context.serviceDirectory(), "push-" + n)
                    .isPresent()) {
                running++;
            }
        }
        return running;
    }

    /** nginx finished a recording file: it moves into the service's recordings, where the panel serves it. */
    void recordingDone(Path file) {
        recording = false;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                Files.deleteIfExists(file);
                return;
            }
            Path folder = Files.createDirectories(Recordings.folder(context.serviceDirectory()));
            String name = "broadcast-" + RECORDING_NAME.format(Instant.now()) + ".flv";
            Path target = folder.resolve(name);
            Files.move(file, target);
            callback.event(String.format(Locale.ROOT, "recording saved: %s (%.1f MB)", name, Files.size(target) / 1e6));
        } catch (IOException e) {
            callback.event("a recording could not be saved: " + e.getMessage());
        }
    }

    private boolean overDiskQuota() {
        Long quota = context.limits().diskQuotaMb();
        return quota != null && recordingsSize() > quota * 1_000_000L;
    }

    private long recordingsSize() {
        Path folder = Recordings.folder(context.serviceDirectory());
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    void publishEnded() {
        engine.publishing(serviceId(), null);
        if (stopPushes() > 0) {
            callback.event("restreaming stopped");
        }
        callback.event("publishing ended");
    }

    /** The plugin's own restreaming ffmpeg, which plays from live with the callback token. */
    boolean isPush(String pushToken) {
        return accepts() && StreamKeys.same(pushToken, engine.keys().pushToken(serviceId()));
    }

    /** An RTMP player asks to watch; refused when stopped, RTMP playback is off or the viewer limit is reached. */
    boolean authorizePlay() {
        if (!accepts() || !context.settings().bool("rtmpPlayback", true)) {
            return false;
        }
        Integer max = context.limits().maxListeners();
        int now = rtmpViewers.incrementAndGet();
        if (max != null
                && now
                                + engine.hlsLog()
                                        .viewers(serviceId(), System.currentTimeMillis())
                                        .size()
                        > max) {
            rtmpViewers.decrementAndGet();
            return false;
        }
        return true;
    }

    void playEnded() {
        rtmpViewers.updateAndGet(n -> Math.max(0, n - 1));
    }

    // ---- actions ----

    @Override
    public CompletionStage<Void> provision() {
        return Stages.run(() -> Files.createDirectories(context.serviceDirectory()));
    }

    @Override
    public CompletionStage<Void> start() {
        return CompletableFuture.runAsync(
                () -> {
                    try {
                        engine.server().ensureRunning();
                        if (!accepts()) {
                            Files.writeString(accepting(), Instant.now().toString());
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                executor);
    }

    @Override
    public CompletionStage<Void> stop() {
        return CompletableFuture.runAsync(
                () -> {
                    try {
                        Files.deleteIfExists(accepting());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    if (engine.server().running()) {
                        engine.server().dropPublisher("ingest", streamName());
                        engine.server().dropPlayers("live", streamName());
                    }
                    stopPushes();
                    rtmpViewers.set(0);
                },
                executor);
    }

    /** Settings changed: an encoder still on a key that was rotated away is disconnected. */
    @Override
    public CompletionStage<Void> reload() {
        return start().thenRun(() -> {
            // the handler is new (settings changed), so the key in use is asked of the plugin
            String current = engine.publishingKey(serviceId());
            if (current != null && !StreamKeys.same(current, key)) {
                engine.server().dropPublisher("ingest", streamName());
                callback.event("the stream key was changed: the encoder on the old key was disconnected");
            }
        });
    }

    @Override
    public CompletionStage<Void> deprovision() {
        return stop().thenRun(() -> {
            engine.deleteHls(context.serviceId());
            engine.forget(context.serviceId());
        });
    }

    @Override
    public CompletionStage<ServiceStatus> probe() {
        return CompletableFuture.supplyAsync(
                () -> {
                    if (!accepts()) {
                        return ServiceStatus.stopped("not accepting streams");
                    }
                    return engine.server().running()
                            ? ServiceStatus.running("accepting streams")
                            : ServiceStatus.stopped("the node's nginx is not running");
                },
                executor);
    }

    /**
     * From nginx-rtmp's statistics and the HLS access log: viewers (RTMP players and HLS addresses),
     * bytes sent both ways, whether an encoder publishes. Also the bitrate watchdog: an encoder above
     * the service's limit is disconnected and the reason recorded.
     */
    @Override
    public CompletionStage<ServiceStats> statistics() {
        return CompletableFuture.supplyAsync(
                () -> {
                    String xml = engine.server().stat();
                    if (xml == null) {
                        return null;
                    }
                    Map<String, RtmpStats.Stream> streams = RtmpStats.parse(xml);
                    RtmpStats.Stream ingest = streams.get("ingest/" + streamName());
                    RtmpStats.Stream live = streams.get("live/" + streamName());
                    watchBitrate(ingest);
                    if (recording && overDiskQuota()) {
                        engine.server().stopRecording(streamName());
                        recording = false;
                        callback.event("recording stopped: the disk quota of "
                                + context.limits().diskQuotaMb() + " MB is used up");
                    }
                    engine.hlsLog().read();
                    // the restreaming ffmpegs play from live too; they are not viewers
                    int rtmpPlayers = live == null
                            ? 0
                            : Math.max(
                                    0,
                                    (int) live.clientList().stream()
                                                    .filter(c -> !c.publishing())
                                                    .count()
                                            - runningPushes());
                    int viewers = rtmpPlayers
                            + engine.hlsLog()
                                    .viewers(serviceId(), System.currentTimeMillis())
                                    .size();
                    peakViewers = Math.max(peakViewers, viewers);
                    long bytesOut = engine.transfer(serviceId(), live == null ? 0 : live.bytesOut())
                            + engine.hlsLog().bytes(serviceId());
                    return new ServiceStats(
                            Instant.now(), viewers, peakViewers, bytesOut, ingest != null && ingest.publishing(), null);
                },
                executor);
    }

    private void watchBitrate(RtmpStats.Stream ingest) {
        Integer limit = context.limits().maxBitrateKbps();
        if (ingest == null || limit == null || !ingest.publishing()) {
            return;
        }
        double kbps = ingest.bwIn() / 1000.0;
        if (kbps > limit * 1.25 && engine.server().dropPublisher("ingest", streamName())) {
            callback.event(String.format(
                    Locale.ROOT,
                    "encoder disconnected: it sent %.0f kbit/s, over the service's limit of %d kbit/s",
                    kbps,
                    limit));
        }
    }

    @Override
    public CompletionStage<List<ListenerInfo>> listeners() {
        return CompletableFuture.supplyAsync(
                () -> {
                    List<ListenerInfo> viewers = new ArrayList<>();
                    String xml = engine.server().stat();
                    RtmpStats.Stream live =
                            xml == null ? null : RtmpStats.parse(xml).get("live/" + streamName());
                    if (live != null) {
                        live.clientList().stream()
                                .filter(c -> !c.publishing())
                                .forEach(c ->
                                        viewers.add(new ListenerInfo(c.address(), c.flashver(), c.seconds(), "rtmp")));
                    }
                    engine.hlsLog().read();
                    engine.hlsLog()
                            .viewers(serviceId(), System.currentTimeMillis())
                            .forEach(address -> viewers.add(new ListenerInfo(address, null, 0, "hls")));
                    return viewers;
                },
                executor);
    }

    @Override
    public CompletionStage<Map<String, String>> connectionDetails() {
        NginxRtmpConfig c = engine.server().config();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("server", "rtmp://" + engine.publicHostname() + ":" + c.rtmpPort() + "/ingest");
        details.put("streamKey", key);
        details.put("publishUrl", "rtmp://" + engine.publicHostname() + ":" + c.rtmpPort() + "/ingest/" + key);
        details.put(
                "hlsUrl",
                "http://" + engine.publicHostname() + ":" + c.httpPort() + "/hls/" + streamName() + "/index.m3u8");
        if (!!context.settings().bool("rtmpPlayback", true)) {
            details.put("rtmpUrl", "rtmp://" + engine.publicHostname() + ":" + c.rtmpPort() + "/live/" + streamName());
        }
        return CompletableFuture.completedFuture(details);
    }

    @Override
    public void dispose() {
        engine.unregister(this);
    }
}
