/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.liquidsoap.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.ServiceStatus;
import org.castpanel.engine.api.Settings;
import org.castpanel.engine.api.SourceEndpoint;
import org.castpanel.engine.api.SourceProtocols;
import org.castpanel.engine.api.Stages;
import org.castpanel.engine.api.platform.Callbacks;
import org.castpanel.engine.api.platform.ConfigFiles;
import org.castpanel.engine.api.platform.Playout;
import org.castpanel.engine.api.platform.PortAllocator;
import org.castpanel.engine.api.platform.ProcessSupervisor;

/**
 * One liquidsoap per AutoDJ service, in the service's directory: its script (written, checked with
 * {@code liquidsoap --check}, and only then put in place, so a bad script never reaches a running
 * station), its fallback playlist, log and control socket (0600). Liquidsoap cannot re-read a
 * script, so a reload is a restart with the new one.
 */
final class LiquidsoapHandler implements EngineHandler {

    static final String DAEMON = "liquidsoap";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final ServiceContext context;
    private final EngineCallback callback;
    private final LiquidsoapEngineFactory engine;
    private final LiquidsoapConfig config;
    private final ProcessSupervisor supervisor;
    private final PortAllocator ports;
    private final Callbacks callbacks;
    private final Playout playout;
    private final Executor executor;

    LiquidsoapHandler(
            ServiceContext context,
            EngineCallback callback,
            LiquidsoapEngineFactory engine,
            LiquidsoapConfig config,
            ProcessSupervisor supervisor,
            PortAllocator ports,
            Callbacks callbacks,
            Playout playout,
            Executor executor) {
        this.context = context;
        this.callback = callback;
        this.engine = engine;
        this.config = config;
        this.supervisor = supervisor;
        this.ports = ports;
        this.callbacks = callbacks;
        this.playout = playout;
        this.executor = executor;
    }

    long serviceId() {
        return context.serviceId();
    }

    /** A line in the service's history. */
    void event(String message) {
        callback.event(message);
    }

    @Override
    public void dispose() {
        engine.forget(this);
    }

    private Path dir() {
        return context.serviceDirectory();
    }

    private Path script() {
        return dir().resolve("station.liq");
    }

    private Path socket() {
        return dir().resolve("liquidsoap.sock");
    }

    /** As root, liquidsoap runs as the configured unprivileged user; otherwise as the panel's own. */
    private boolean runsAsOtherUser() {
        return ROOT && !config.user().isBlank();
    }

    @Override
    public CompletionStage<Void> provision() {
        return CompletableFuture.runAsync(
                () -> {
                    // a provision that outlived its stage time limit still runs beside the retry:
                    // one at a time per station, so neither finds the other's half-done candidate
                    synchronized (engine.provisionLock(context.serviceId())) {
                        try {
                            installScript();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                },
                executor);
    }

    private void installScript() throws IOException {
        writeFallback();
        String text = StationScript.write(station());
        if (!text.equals(readScript())) {
            // checked before it replaces the script in place, which was checked when it was installed
            Path candidate = dir().resolve("station.liq.new");
            ConfigFiles.writeAtomically(candidate, text, PosixFilePermissions.fromString("rw-r-----"));
            check(candidate);
            // the running liquidsoap has the old script: the next reload restarts it
            Files.writeString(changedMarker(), Instant.now().toString());
            Files.move(candidate, script(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        if (runsAsOtherUser()) {
            // liquidsoap writes its log and socket here and reads its script and playlist
            giveToDaemonUser(dir());
            giveToDaemonUser(script());
        }
    }

    /** The station as its settings, its server's source endpoint and the platform's callbacks make it. */
    StationScript.Station station() {
        SourceEndpoint feeds = context.source();
        if (feeds == null) {
            throw new IllegalStateException("the AutoDJ is not attached to a server service");
        }
        Settings settings = context.settings();
        StationScript.Format format =
                StationScript.Format.valueOf(settings.text("format", "MP3").toUpperCase(Locale.ROOT));
        boolean shoutcast = !SourceProtocols.ICECAST.equals(feeds.protocol());
        if (shoutcast && format == StationScript.Format.OPUS) {
            throw new IllegalArgumentException("Ogg/Opus needs an Icecast server: choose MP3 or AAC for SHOUTcast");
        }
        int bitrate = (int) settings.integer("bitrate", 128);
        Integer most = context.limits().maxBitrateKbps();
        if (most != null) {
            bitrate = Math.min(bitrate, most); // never above the plan's maximum
        }
        String base = callbacks.url(LiquidsoapEngineFactory.TYPE, Callbacks.serviceScope(context.serviceId()));
        return new StationScript.Station(
                dir(),
                base,
                ports.port(context.serviceId(), "harbor"),
                "/live",
                settings.integer("crossfade", 2),
                ROOT && !runsAsOtherUser(),
                new StationScript.Output(
                        shoutcast,
                        feeds.host(),
                        feeds.port(),
                        feeds.mount(),
                        feeds.username(),
                        feeds.password(),
                        format,
                        bitrate,
                        settings.text("streamName", context.name()),
                        settings.text("description", ""),
                        settings.text("genre", ""),
                        settings.text("url", "")),
                settings.bool("recordLive", false),
                ports.consecutive(context.serviceId(), "shoutcast-dj", 2));
    }

    /** A recording of this station's by the name liquidsoap gave it. */
    Path recording(String name) {
        return dir().resolve(StationScript.RECORDING_FOLDER).resolve(name);
    }

    /** Recordings a stopped liquidsoap left behind (it could not hand them over as it exited). */
    private void handOverLeftRecordings() throws IOException {
        Path folder = dir().resolve(StationScript.RECORDING_FOLDER);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            files.filter(f -> StationScript.RECORDING_NAME
                            .matcher(f.getFileName().toString())
                            .matches())
                    .forEach(f -> engine.handOver(this, f));
        }
    }

    /** The tracks the station plays on its own while the panel does not answer. */
    private void writeFallback() throws IOException {
        String m3u = playout.fallback(context.serviceId(), config.fallbackTracks()).stream()
                .map(t -> t.file().toAbsolutePath().normalize().toString())
                .filter(p -> p.chars().noneMatch(c -> c < 0x20))
                .collect(Collectors.joining("\n", "", "\n"));
        // liquidsoap watches the playlist and reads it the moment it changes: the file it finds
        // must already be its user's (a file it cannot read ends its playlist thread, and the station)
        Path next = dir().resolve("fallback.m3u.new");
        ConfigFiles.writeAtomically(next, m3u, PosixFilePermissions.fromString("rw-r-----"));
        if (runsAsOtherUser()) {
            giveToDaemonUser(next);
        }
        Files.move(
                next,
                dir().resolve("fallback.m3u"),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** liquidsoap --check: a script it refuses never replaces the one in place. */
    private void check(Path candidate) throws IOException {
        Path out = dir().resolve("check.out");
        Process p = new ProcessBuilder(StationScript.command(config.binary(), candidate, true))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("liquidsoap --check did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the station's script", e);
        }
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(out);
            Files.deleteIfExists(candidate);
            throw new IllegalArgumentException("liquidsoap refused the station's script (the running one is kept): "
                    + String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size())));
        }
    }

    private void giveToDaemonUser(Path path) throws IOException {
        ConfigFiles.giveTo(path, config.user(), null);
    }

    @Override
    public CompletionStage<Void> start() {
        return CompletableFuture.runAsync(
                () -> {
                    Optional<String> unplayable = playout.unplayable(context.serviceId());
                    if (unplayable.isPresent()) {
                        throw new IllegalStateException(unplayable.get());
                    }
                    try {
                        Files.deleteIfExists(changedMarker());
                        handOverLeftRecordings();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    supervisor.start(new ProcessSupervisor.Launch(
                            DAEMON,
                            StationScript.command(config.binary(), script(), false),
                            dir(),
                            Map.of(),
                            runsAsOtherUser() ? config.user() : null));
                    supervisor.awaitReady(dir(), DAEMON, Duration.ofSeconds(30), this::answers);
                },
                executor);
    }

    /** Its own control socket answers: it is this station's liquidsoap, up and running its script. */
    private boolean answers() {
        return command("uptime").isPresent();
    }

    /** Disconnects the live DJ on the air, on either harbor; false when liquidsoap does not answer. */
    boolean kickLive() {
        return command("live.stop").isPresent(); // the script's own command: both harbors
    }

    /** A command on the station's control socket and its answer, or empty when it does not answer. */
    Optional<String> command(String command) {
        return ControlSocket.command(socket(), command);
    }

    /** The station's track ends now; the panel chooses the next as at any track end. */
    @Override
    public CompletionStage<Void> skipTrack() {
        return CompletableFuture.runAsync(
                () -> {
                    String answer = command("autodj.skip")
                            .orElseThrow(() -> new IllegalStateException(
                                    "the station's liquidsoap does not answer on its control socket"));
                    switch (answer) {
                        case "skipped" -> {}
                        case "live" ->
                            throw new IllegalStateException(
                                    "a live DJ is on the air: there is no AutoDJ track to skip");
                        // a station started before its plugin knew the command: its script is older
                        default ->
                            throw new IllegalStateException(
                                    "the station's script cannot skip yet: restart the station (" + answer + ")");
                    }
                },
                executor);
    }

    /** The queued track plays next: the station drops the track it had ready and asks again. */
    @Override
    public CompletionStage<Void> refreshUpcoming() {
        return CompletableFuture.runAsync(() -> command("autodj.refresh"), executor);
    }

    /**
     * Changed settings (the platform provisioned first): only when the script differs is the
     * station restarted, so settings the panel alone reads, like song requests, keep it on the air.
     */
    @Override
    public CompletionStage<Void> reload() {
        boolean changed;
        try {
            changed = Files.deleteIfExists(changedMarker());
        } catch (IOException e) {
            changed = true;
        }
        return !changed && supervisor.running(dir(), DAEMON).isPresent()
                ? CompletableFuture.completedFuture(null)
                : restart();
    }

    /** Set by a provision that replaced the script, cleared by the start that runs it (a file: handlers come and go). */
    private Path changedMarker() {
        return dir().resolve("station.liq.changed");
    }

    private String readScript() {
        try {
            return Files.exists(script()) ? Files.readString(script()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public CompletionStage<Void> stop() {
        return Stages.run(() -> supervisor.stop(dir(), DAEMON, Duration.ofSeconds(10)));
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
                        return ServiceStatus.stopped("liquidsoap is not running");
                    }
                    return answers()
                            ? ServiceStatus.running("liquidsoap playing, control socket answering")
                            : ServiceStatus.failed("liquidsoap runs but its control socket does not answer: "
                                    + supervisor.logTail(dir(), DAEMON, 3));
                },
                executor);
    }

    @Override
    public CompletionStage<Map<String, String>> connectionDetails() {
        return CompletableFuture.supplyAsync(
                () -> {
                    Map<String, String> details = new LinkedHashMap<>();
                    SourceEndpoint feeds = context.source();
                    if (feeds != null) {
                        details.put(
                                "feeds", feeds.protocol() + "://" + feeds.host() + ":" + feeds.port() + feeds.mount());
                    }
                    StationScript.Output o = station().output();
                    details.put("encoding", o.format() + " " + o.bitrateKbps() + " kbit/s");
                    // what a DJ enters in the encoder (Icecast source protocol; user and password of a DJ account)
                    details.put("liveServer", engine.publicHostname());
                    details.put("livePort", Integer.toString(ports.port(context.serviceId(), "harbor")));
                    details.put("liveMount", "/live");
                    details.put(
                            "liveUrl",
                            "icecast://DJ-USER:DJ-PASSWORD@" + engine.publicHostname() + ":"
                                    + ports.port(context.serviceId(), "harbor") + "/live");
                    // SHOUTcast v1 encoders (Winamp's DSP, older BUTT set-ups): server and port as given,
                    // DJ-USER:DJ-PASSWORD as the password; they connect to the port after it themselves
                    details.put(
                            "shoutcastDjPort",
                            Integer.toString(ports.consecutive(context.serviceId(), "shoutcast-dj", 2)));
                    details.put("shoutcastDjPassword", "DJ-USER:DJ-PASSWORD");
                    return details;
                },
                executor);
    }
}
