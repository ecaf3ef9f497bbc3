/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.shoutcast.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.ListenerInfo;
import org.castpanel.engine.api.MountPoint;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.ServiceStats;
import org.castpanel.engine.api.ServiceStatus;
import org.castpanel.engine.api.Settings;
import org.castpanel.engine.api.SourceEndpoint;
import org.castpanel.engine.api.SourceProtocols;
import org.castpanel.engine.api.Stages;
import org.castpanel.engine.api.platform.ConfigFiles;
import org.castpanel.engine.api.platform.LocalHttp;
import org.castpanel.engine.api.platform.PortAllocator;
import org.castpanel.engine.api.platform.ProcessSupervisor;

/**
 * One sc_serv process per media service: portbase and portbase+1 (legacy sources) of its own, its
 * config, log and passwords in the service's directory. The service's main stream is stream id 1
 * at the {@code mount} setting; each extra mount point is the next stream id, at its own path.
 */
final class ShoutcastHandler implements EngineHandler {

    static final String DAEMON = "sc_serv";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    /** VBR peaks must not cut an honest source. */
    static final double BITRATE_TOLERANCE = 1.25;

    private final ServiceContext context;
    private final EngineCallback callback;
    private final ShoutcastConfig config;
    private final String hostname;
    private final ProcessSupervisor supervisor;
    private final PortAllocator ports;
    private final Executor executor;
    private final TransferEstimate transfer = new TransferEstimate();

    ShoutcastHandler(
            ServiceContext context,
            EngineCallback callback,
            ShoutcastConfig config,
            String hostname,
            ProcessSupervisor supervisor,
            PortAllocator ports,
            Executor executor) {
        this.context = context;
        this.callback = callback;
        this.config = config;
        this.hostname = hostname;
        this.supervisor = supervisor;
        this.ports = ports;
        this.executor = executor;
    }

    private Path dir() {
        return context.serviceDirectory();
    }

    private int portBase() {
        return ports.consecutive(context.serviceId(), "portbase", 2);
    }

    /**
     * Stream ids and paths: 1 at the {@code mount} setting, then each extra mount point with the id
     * it was given when it first appeared (kept in the credentials file), so adding or removing one
     * never moves another to a new id and password. A removed mount's id and password are dropped.
     */
    synchronized List<ScServConf.Stream> streams(Properties secrets) throws IOException {
        boolean changed = false;
        java.util.Set<String> names = new java.util.HashSet<>();
        context.mounts().forEach(m -> names.add(m.name()));
        for (String key : List.copyOf(secrets.stringPropertyNames())) {
            if (key.startsWith("sid.") && !names.contains(key.substring(4))) {
                secrets.remove("stream." + secrets.getProperty(key));
                secrets.remove(key);
                changed = true;
            }
        }
        List<ScServConf.Stream> streams = new ArrayList<>();
        streams.add(new ScServConf.Stream(1, mainPath(), null, secrets.getProperty("stream.1")));
        for (MountPoint m : context.mounts()) {
            String key = "sid." + m.name();
            if (secrets.getProperty(key) == null) {
                int sid = 2;
                while (secrets.containsKey("stream." + sid)) {
                    sid++;
                }
                secrets.setProperty(key, Integer.toString(sid));
                secrets.setProperty("stream." + sid, ConfigFiles.newPassword());
                changed = true;
            }
            int sid = Integer.parseInt(secrets.getProperty(key));
            streams.add(new ScServConf.Stream(sid, m.name(), m.maxListeners(), secrets.getProperty("stream." + sid)));
        }
        if (changed) {
            ConfigFiles.savePasswords(credentialsFile(), secrets);
        }
        streams.sort(java.util.Comparator.comparingInt(ScServConf.Stream::id));
        return streams;
    }

    private String mainPath() {
        return context.settings().text("mount", "/stream");
    }

    @Override
    public CompletionStage<Void> provision() {
        return Stages.run(() -> {
            Properties secrets = credentials();
            Integer listeners = context.limits().maxListeners();
            String conf = ScServConf.write(new ScServConf.Settings(
                    portBase(),
                    secrets.getProperty("source"),
                    secrets.getProperty("admin"),
                    listeners == null ? 512 : listeners,
                    context.settings().bool("public", false),
                    dir().resolve("sc_serv.log").toString(),
                    streams(secrets)));
            Path log = dir().resolve("sc_serv.log");
            if (!Files.exists(log)) {
                Files.createFile(
                        log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
            }
            ConfigFiles.writeAtomically(
                    dir().resolve("sc_serv.conf"), conf, PosixFilePermissions.fromString("rw-r-----"));
            if (runsAsOtherUser()) {
                // sc_serv runs as its unprivileged user: it reads its config and writes its log, nothing else
                giveToDaemonUser(dir().resolve("sc_serv.conf"));
                giveToDaemonUser(log);
            }
        });
    }

    /**
     * Read once per handler (every statistics poll and probe asks for the admin password); the
     * stream passwords {@link #streams} adds go into the same object and the file.
     */
    private volatile Properties credentials;

    /** The service's passwords, generated once and kept in its directory (owner-readable only). */
    Properties credentials() throws IOException {
        Properties known = credentials;
        if (known == null) {
            known = ConfigFiles.passwords(credentialsFile(), List.of("source", "admin", "stream.1"));
            credentials = known;
        }
        return known;
    }

    private Path credentialsFile() {
        return dir().resolve("credentials.properties");
    }

    /** As root, sc_serv runs as the configured unprivileged user; otherwise as the panel's own. */
    private boolean runsAsOtherUser() {
        return ROOT && config.user() != null && !config.user().isBlank();
    }

    private void giveToDaemonUser(Path path) throws IOException {
        ConfigFiles.giveTo(path, config.user(), null);
    }

    @Override
    public CompletionStage<Void> start() {
        String problem = ShoutcastEngineFactory.problem(config);
        if (problem != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(problem));
        }
        return Stages.run(() -> supervisor.start(new ProcessSupervisor.Launch(
                        DAEMON,
                        List.of(config.binary(), dir().resolve("sc_serv.conf").toString()),
                        dir(),
                        Map.of(),
                        runsAsOtherUser() ? config.user() : null)))
                .thenCompose(v -> CompletableFuture.runAsync(
                        () -> supervisor.awaitReady(dir(), DAEMON, Duration.ofSeconds(15), this::answers), executor));
    }

    /** This service's sc_serv answers as itself: only it knows the admin password. */
    private boolean answers() {
        return admin(1, "viewjson&page=1") != null;
    }

    /** admin.cgi of this service's sc_serv with its master admin password; null unless it answers 200. */
    private String admin(int sid, String mode) {
        try {
            String pass = URLEncoder.encode(credentials().getProperty("admin"), StandardCharsets.UTF_8);
            return LocalHttp.get(portBase(), "/admin.cgi?sid=" + sid + "&mode=" + mode + "&pass=" + pass, null);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public CompletionStage<Void> stop() {
        return Stages.run(() -> supervisor.stop(dir(), DAEMON, Duration.ofSeconds(10)));
    }

    /**
     * sc_serv re-reads its config through admin.cgi: new streams and limits apply, listeners of
     * unchanged streams stay connected; {@code force=1} re-adds a stream whose path changed.
     */
    @Override
    public CompletionStage<Void> reload() {
        if (supervisor.running(dir(), DAEMON).isEmpty()) {
            return start();
        }
        return CompletableFuture.runAsync(
                () -> {
                    if (admin(1, "reload&force=1") == null) {
                        throw new IllegalStateException(
                                "sc_serv did not accept the reload: " + supervisor.logTail(dir(), DAEMON, 3));
                    }
                },
                executor);
    }

    @Override
    public CompletionStage<Void> deprovision() {
        return stop().thenCompose(v -> Stages.run(() -> ports.release(context.serviceId())));
    }

    @Override
    public CompletionStage<ServiceStatus> probe() {
        return CompletableFuture.supplyAsync(
                () -> {
                    if (supervisor.running(dir(), DAEMON).isEmpty()) {
                        return ServiceStatus.stopped("sc_serv is not running");
                    }
                    return answers()
                            ? ServiceStatus.running("sc_serv answering on port " + portBase())
                            : ServiceStatus.failed("sc_serv runs but does not answer admin.cgi: "
                                    + supervisor.logTail(dir(), DAEMON, 3));
                },
                executor);
    }

    /**
     * From {@code /statistics?json=1}: current listeners (connections) summed over the streams, and
     * apart from them the unique listeners (the DNAS's per-stream figure, summed: one address on two
     * streams counts twice), the sent bytes estimated from listeners × bitrate. Each
     * call also cuts a source announcing more than the service's bitrate limit.
     */
    @Override
    public CompletionStage<ServiceStats> statistics() {
        return CompletableFuture.supplyAsync(
                () -> {
                    String json = LocalHttp.get(portBase(), "/statistics?json=1", null);
                    if (json == null) {
                        return null;
                    }
                    List<ShoutcastStats.Stream> streams = ShoutcastStats.streams(json);
                    watchBitrates(streams);
                    Map<String, Integer> perMount = new LinkedHashMap<>();
                    int listeners = 0;
                    int unique = 0;
                    int peak = 0;
                    long listenerKbps = 0;
                    boolean live = false;
                    String title = null;
                    for (ShoutcastStats.Stream s : streams) {
                        perMount.put(s.path(), s.listeners());
                        listeners += s.listeners();
                        unique += s.uniqueListeners();
                        peak += s.peakListeners();
                        listenerKbps += (long) s.listeners() * s.bitrateKbps();
                        live |= s.sourceConnected();
                        if (s.id() == 1 || title == null) {
                            title = s.songTitle() != null ? s.songTitle() : title;
                        }
                    }
                    return new ServiceStats(
                            Instant.now(),
                            listeners,
                            peak,
                            transfer.add(listenerKbps, System.nanoTime()),
                            live,
                            title,
                            perMount,
                            unique);
                },
                executor);
    }

    /** The DNAS reports the bitrate a source announces; over the limit, admin.cgi's kicksrc cuts it. */
    private void watchBitrates(List<ShoutcastStats.Stream> streams) {
        Integer limit = context.limits().maxBitrateKbps();
        if (limit == null) {
            return;
        }
        for (ShoutcastStats.Stream s : streams) {
            if (s.sourceConnected()
                    && s.bitrateKbps() > limit * BITRATE_TOLERANCE
                    && admin(s.id(), "kicksrc") != null) {
                callback.event(String.format(
                        Locale.ROOT,
                        "source on stream %d (%s) disconnected: it announced %d kbit/s, over the service's limit of %d kbit/s",
                        s.id(),
                        s.path(),
                        s.bitrateKbps(),
                        limit));
            }
        }
    }

    /** Every stream's listeners, from admin.cgi's viewjson page 3. */
    @Override
    public CompletionStage<List<ListenerInfo>> listeners() {
        return CompletableFuture.supplyAsync(
                () -> {
                    List<ListenerInfo> listeners = new ArrayList<>();
                    try {
                        for (ScServConf.Stream stream : streams(credentials())) {
                            String json = admin(stream.id(), "viewjson&page=3");
                            if (json != null) {
                                listeners.addAll(ShoutcastStats.listeners(json, stream.path()));
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return listeners;
                },
                executor);
    }

    /**
     * Where an AutoDJ on this node feeds stream 1: the v1 protocol on loopback, {@code port} being
     * portbase (v1 sources connect to portbase+1, as encoders configured with the base port do).
     */
    @Override
    public CompletionStage<SourceEndpoint> sourceEndpoint(String protocol) {
        if (!SourceProtocols.SHOUTCAST1.equals(protocol)) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("sc_serv takes shoutcast1 sources here, not " + protocol));
        }
        return Stages.supply(() -> new SourceEndpoint(
                protocol, "127.0.0.1", portBase(), "#1", null, credentials().getProperty("stream.1")));
    }

    @Override
    public CompletionStage<Map<String, String>> connectionDetails() {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        Properties secrets = credentials();
                        int port = portBase();
                        Settings settings = context.settings();
                        Map<String, String> details = new LinkedHashMap<>();
                        details.put("server", hostname);
                        details.put("port", Integer.toString(port));
                        details.put("streamId", "1");
                        details.put("sourcePassword", secrets.getProperty("stream.1"));
                        details.put("listenUrl", "http://" + hostname + ":" + port + mainPath());
                        details.put("legacySourcePort", Integer.toString(port + 1));
                        for (ScServConf.Stream stream : streams(secrets)) {
                            if (stream.id() == 1) {
                                continue;
                            }
                            details.put(
                                    "stream" + stream.id() + "ListenUrl",
                                    "http://" + hostname + ":" + port + stream.path());
                            // v1 encoders name the stream after the password
                            details.put(
                                    "stream" + stream.id() + "SourcePassword", stream.password() + ":#" + stream.id());
                        }
                        putIfSet(details, "encoderStationName", settings.text("streamName", context.name()));
                        putIfSet(details, "encoderGenre", settings.text("genre", null));
                        putIfSet(details, "encoderUrl", settings.text("url", null));
                        return details;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                executor);
    }

    private static void putIfSet(Map<String, String> details, String key, String value) {
        if (value != null && !value.isBlank()) {
            details.put(key, value);
        }
    }
}
