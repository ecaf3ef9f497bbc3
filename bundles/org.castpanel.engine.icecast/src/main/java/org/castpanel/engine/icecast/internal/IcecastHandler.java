/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.icecast.internal;

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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
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
 * One icecast2 process per media service, on its own port, with its own config, log and pid under
 * the service's directory, and its own generated source, relay and admin passwords.
 */
final class IcecastHandler implements EngineHandler {

    static final String DAEMON = "icecast";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final ServiceContext context;
    private final EngineCallback callback;
    private final IcecastConfig config;
    /** The node's public host name, from the platform. */
    private final String hostname;

    private final ProcessSupervisor supervisor;
    private final PortAllocator ports;
    private final Executor executor;
    private final BitrateWatch bitrates = new BitrateWatch();
    private final TransferCounter transfer = new TransferCounter();

    IcecastHandler(
            ServiceContext context,
            EngineCallback callback,
            IcecastConfig config,
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

    private String mount() {
        return context.settings().text("mount", "/stream");
    }

    @Override
    public CompletionStage<Void> provision() {
        return Stages.run(() -> {
            int port = ports.port(context.serviceId(), "http");
            Properties secrets = credentials();
            Integer listeners = context.limits().maxListeners();
            List<IcecastXml.Mount> mounts = mounts();
            String xml = IcecastXml.write(new IcecastXml.Settings(
                    hostname,
                    config.bindAddress(),
                    port,
                    // clients counts the sources and admin requests too
                    listeners == null ? 1000 : listeners + mounts.size() + 5,
                    secrets.getProperty("source"),
                    secrets.getProperty("admin"),
                    secrets.getProperty("relay"),
                    mounts,
                    dir().toString(),
                    config.sharePath(),
                    ROOT ? config.user() : null,
                    ROOT ? config.group() : null));
            Files.createDirectories(dir().resolve("log"));
            ConfigFiles.writeAtomically(
                    dir().resolve("icecast.xml"), xml, PosixFilePermissions.fromString("rw-r-----"));
            if (ROOT) {
                // icecast drops to its own user after reading the config; it must still write its logs
                giveToIcecast(dir().resolve("log"));
                giveToIcecast(dir().resolve("icecast.xml"));
            }
        });
    }

    /** The main mount from the service's settings, then its extra mount points. */
    private List<IcecastXml.Mount> mounts() {
        Settings settings = context.settings();
        boolean listed = settings.bool("public", false);
        String url = settings.text("url", null);
        List<IcecastXml.Mount> mounts = new ArrayList<>();
        mounts.add(new IcecastXml.Mount(
                mount(),
                context.limits().maxListeners(),
                settings.text("fallbackMount", null),
                false,
                listed,
                settings.text("streamName", context.name()),
                settings.text("description", null),
                settings.text("genre", null),
                url));
        for (MountPoint m : context.mounts()) {
            Integer max = m.maxListeners() != null
                    ? m.maxListeners()
                    : context.limits().maxListeners();
            mounts.add(new IcecastXml.Mount(
                    m.name(),
                    max,
                    m.fallbackMount(),
                    m.hidden(),
                    listed && !m.hidden(),
                    m.streamName() != null ? m.streamName() : context.name(),
                    m.description(),
                    m.genre(),
                    url));
        }
        return mounts;
    }

    /** Read once per handler: every statistics poll and probe asks for the admin password. */
    private volatile Properties credentials;

    /** The service's passwords, generated once and kept in its directory (owner-readable only). */
    Properties credentials() throws IOException {
        Properties known = credentials;
        if (known == null) {
            known = ConfigFiles.passwords(dir().resolve("credentials.properties"), List.of("source", "admin", "relay"));
            credentials = known;
        }
        return known;
    }

    private void giveToIcecast(Path path) throws IOException {
        ConfigFiles.giveTo(path, config.user(), config.group());
    }

    @Override
    public CompletionStage<Void> start() {
        return Stages.run(this::awaitPortFree)
                .thenCompose(v -> Stages.run(() -> supervisor.start(new ProcessSupervisor.Launch(
                        DAEMON,
                        List.of(
                                config.binary(),
                                "-c",
                                dir().resolve("icecast.xml").toString()),
                        dir(),
                        Map.of()))))
                .thenCompose(v -> awaitAnswering(Duration.ofSeconds(10)));
    }

    /**
     * Before a start with no icecast of ours running: waits (at most 5 s) until nothing answers on
     * the service's port any more, so a previous icecast still shutting down is never taken for
     * the new one (it would answer the readiness check with the same password, then vanish).
     */
    private void awaitPortFree() {
        if (supervisor.running(dir(), DAEMON).isPresent()) {
            return;
        }
        int port = ports.port(context.serviceId(), "http");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (java.net.Socket probe = new java.net.Socket()) {
                probe.connect(new java.net.InetSocketAddress(config.bindAddress(), port), 200);
            } catch (IOException refused) {
                return; // free
            }
            try {
                Thread.sleep(20); // the poll interval of the condition above, bounded by the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Started means ready: alive, and answering the admin statistics with this service's own admin
     * password (a bare "the port answers" could be another process); a bad config makes icecast exit
     * at once, which this reports with its log.
     */
    private CompletionStage<Void> awaitAnswering(Duration timeout) {
        return CompletableFuture.runAsync(
                () -> {
                    try {
                        supervisor.awaitReady(dir(), DAEMON, timeout, this::answers);
                    } catch (IllegalStateException e) {
                        // icecast reports most start failures (a port taken, a bad path) only in its own log
                        throw new IllegalStateException(e.getMessage() + "; error.log: " + errorLogTail(), e);
                    }
                },
                executor);
    }

    private String errorLogTail() {
        try {
            List<String> lines = Files.readAllLines(dir().resolve("log/error.log"), StandardCharsets.UTF_8);
            return lines.isEmpty()
                    ? "(empty)"
                    : String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(none)";
        }
    }

    /** This service's icecast answers as itself: only it knows the admin password. */
    private boolean answers() {
        return fetch("/admin/stats", true) != null;
    }

    /** GET on the service's icecast; null when it does not answer 200. */
    private String fetch(String path, boolean admin) {
        String authorization = null;
        if (admin) {
            try {
                authorization = "Basic "
                        + Base64.getEncoder()
                                .encodeToString(("admin:" + credentials().getProperty("admin"))
                                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                return null; // no credentials file (yet): icecast cannot be asked as admin either
            }
        }
        return LocalHttp.get(ports.port(context.serviceId(), "http"), path, authorization);
    }

    @Override
    public CompletionStage<Void> stop() {
        return Stages.run(() -> supervisor.stop(dir(), DAEMON, Duration.ofSeconds(10)));
    }

    /** Icecast re-reads its config on SIGHUP: mounts and limits change without dropping listeners. */
    @Override
    public CompletionStage<Void> reload() {
        if (supervisor.running(dir(), DAEMON).isEmpty()) {
            return start();
        }
        return Stages.run(() -> supervisor.hangup(dir(), DAEMON));
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
                        return ServiceStatus.stopped("icecast is not running");
                    }
                    return answers()
                            ? ServiceStatus.running(
                                    "icecast answering on port " + ports.port(context.serviceId(), "http"))
                            : ServiceStatus.failed("icecast runs but does not answer its admin statistics: "
                                    + supervisor.logTail(dir(), DAEMON, 3));
                },
                executor);
    }

    /**
     * From icecast's admin statistics (not from scraping pages), summed over the service's mounts;
     * zeros while no source is connected. Each call also runs the bitrate watchdog: a source over
     * the service's limit is disconnected and the reason recorded in the service's history.
     */
    @Override
    public CompletionStage<ServiceStats> statistics() {
        return CompletableFuture.supplyAsync(
                () -> {
                    String xml = fetch("/admin/stats", true);
                    if (xml == null) {
                        return null;
                    }
                    Map<String, IcecastStats.Source> sources = IcecastStats.sources(xml);
                    watchBitrates(sources);
                    Map<String, Integer> perMount = new LinkedHashMap<>();
                    int listeners = 0;
                    int peak = 0;
                    for (IcecastStats.Source source : sources.values()) {
                        perMount.put(source.mount(), source.listeners());
                        listeners += source.listeners();
                        peak += source.peakListeners();
                    }
                    IcecastStats.Source main = sources.get(mount());
                    String title = main != null
                            ? main.title()
                            : sources.values().stream()
                                    .map(IcecastStats.Source::title)
                                    .filter(t -> t != null)
                                    .findFirst()
                                    .orElse(null);
                    return new ServiceStats(
                            Instant.now(), listeners, peak, transfer.add(sources), !sources.isEmpty(), title, perMount);
                },
                executor);
    }

    private void watchBitrates(Map<String, IcecastStats.Source> sources) {
        bitrates.retainOnly(sources.keySet());
        Integer limit = context.limits().maxBitrateKbps();
        if (limit == null) {
            return;
        }
        long now = System.nanoTime();
        for (IcecastStats.Source source : sources.values()) {
            OptionalDouble kbps = bitrates.observe(source.mount(), source.streamStart(), source.bytesRead(), now);
            if (kbps.isPresent() && kbps.getAsDouble() > limit * BitrateWatch.TOLERANCE) {
                String encoded = URLEncoder.encode(source.mount(), StandardCharsets.UTF_8);
                if (fetch("/admin/killsource?mount=" + encoded, true) != null) {
                    bitrates.forget(source.mount());
                    callback.event(String.format(
                            Locale.ROOT,
                            "source on %s disconnected: it sent %.0f kbit/s, over the service's limit of %d kbit/s",
                            source.mount(),
                            kbps.getAsDouble(),
                            limit));
                }
            }
        }
    }

    /** From icecast's admin listener lists of the service's mounts that have a source. */
    @Override
    public CompletionStage<List<ListenerInfo>> listeners() {
        return CompletableFuture.supplyAsync(
                () -> {
                    String stats = fetch("/admin/stats", true);
                    if (stats == null) {
                        return List.of();
                    }
                    List<ListenerInfo> listeners = new ArrayList<>();
                    for (String mount : IcecastStats.sources(stats).keySet()) {
                        String xml = fetch(
                                "/admin/listclients?mount=" + URLEncoder.encode(mount, StandardCharsets.UTF_8), true);
                        if (xml != null) {
                            listeners.addAll(IcecastStats.listeners(xml));
                        }
                    }
                    return listeners;
                },
                executor);
    }

    /**
     * Where a source on this node (an AutoDJ) feeds the station: icecast's port on loopback (or its
     * bind address), the main mount, the service's own source credentials.
     */
    @Override
    public CompletionStage<SourceEndpoint> sourceEndpoint(String protocol) {
        if (!SourceProtocols.ICECAST.equals(protocol)) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("icecast takes icecast sources, not " + protocol));
        }
        return Stages.supply(() -> {
            String bind = config.bindAddress();
            String host =
                    bind == null || bind.isBlank() || "0.0.0.0".equals(bind) || "::".equals(bind) ? "127.0.0.1" : bind;
            return new SourceEndpoint(
                    protocol,
                    host,
                    ports.port(context.serviceId(), "http"),
                    mount(),
                    "source",
                    credentials().getProperty("source"));
        });
    }

    @Override
    public CompletionStage<Map<String, String>> connectionDetails() {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        int port = ports.port(context.serviceId(), "http");
                        Map<String, String> details = new LinkedHashMap<>();
                        details.put("server", hostname);
                        details.put("port", Integer.toString(port));
                        details.put("mount", mount());
                        details.put("sourceUsername", "source");
                        details.put("sourcePassword", credentials().getProperty("source"));
                        details.put("listenUrl", "http://" + hostname + ":" + port + mount());
                        details.put(
                                "encoderUrl",
                                "icecast://source:" + credentials().getProperty("source") + "@" + hostname + ":" + port
                                        + mount());
                        if (!context.mounts().isEmpty()) {
                            details.put(
                                    "otherMounts",
                                    String.join(
                                            " ",
                                            context.mounts().stream()
                                                    .map(MountPoint::name)
                                                    .toList()));
                        }
                        return details;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                executor);
    }
}
