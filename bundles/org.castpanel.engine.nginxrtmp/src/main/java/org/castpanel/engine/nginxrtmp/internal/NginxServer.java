/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.nginxrtmp.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.castpanel.engine.api.RetryableEngineException;
import org.castpanel.engine.api.platform.ConfigFiles;
import org.castpanel.engine.api.platform.LocalHttp;
import org.castpanel.engine.api.platform.ProcessSupervisor;

/**
 * The node's one nginx with the RTMP module: written, started and adopted through the platform's
 * supervisor (it outlives panel restarts like every engine daemon), and asked for its statistics
 * and to drop clients through its local-only HTTP endpoints.
 */
final class NginxServer {

    static final String DAEMON = "nginx";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final ProcessSupervisor supervisor;
    private final Path dir;
    private volatile NginxRtmpConfig config;
    private volatile String callbackBase;
    private final String relayToken;

    NginxServer(
            ProcessSupervisor supervisor, Path dir, NginxRtmpConfig config, String callbackBase, String relayToken) {
        this.supervisor = supervisor;
        this.relayToken = relayToken;
        this.dir = dir;
        this.config = config;
        this.callbackBase = callbackBase;
    }

    Path directory() {
        return dir;
    }

    NginxRtmpConfig config() {
        return config;
    }

    /** New plugin settings: rewritten and, if nginx runs, reloaded (the administrator's change, not a customer's). */
    synchronized void reconfigure(NginxRtmpConfig config, String callbackBase) throws IOException {
        this.config = config;
        this.callbackBase = callbackBase;
        if (running()) {
            writeConf();
            supervisor.hangup(dir, DAEMON);
        }
    }

    boolean running() {
        return supervisor.running(dir, DAEMON).isPresent();
    }

    /** Starts nginx unless it runs, and waits until it answers. */
    synchronized void ensureRunning() throws IOException {
        if (running() && answers()) {
            return;
        }
        if (!running()) {
            writeConf();
            supervisor.start(new ProcessSupervisor.Launch(
                    DAEMON,
                    List.of(
                            config.binary(),
                            "-p",
                            dir.toString(),
                            "-e",
                            dir.resolve("error.log").toString(),
                            "-c",
                            dir.resolve("nginx.conf").toString()),
                    dir,
                    Map.of()));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!running()) {
                throw new IllegalStateException("nginx exited at start: " + lastLogLines());
            }
            if (answers()) {
                return;
            }
            try {
                Thread.sleep(10); // poll interval while nginx opens its sockets
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new RetryableEngineException("nginx did not answer within 10 s");
    }

    private void writeConf() throws IOException {
        Files.createDirectories(dir.resolve("hls"));
        Files.createDirectories(dir.resolve("recordings"));
        String user = ROOT ? config.user() : null;
        // holds the callback and relay tokens: readable by its owner only (nginx's master reads it before dropping to
        // user)
        ConfigFiles.writeAtomically(
                dir.resolve("nginx.conf"),
                NginxConf.write(config, dir, callbackBase, relayToken, user),
                PosixFilePermissions.fromString("rw-------"));
        if (user != null) {
            // the workers write HLS as that user
            ConfigFiles.giveTo(dir.resolve("hls"), user, null);
            ConfigFiles.giveTo(dir.resolve("recordings"), user, null);
        }
    }

    /** nginx's own error log, and what it printed before it had one (bad config, port taken). */
    private String lastLogLines() {
        StringBuilder text = new StringBuilder();
        for (Path log : List.of(dir.resolve("error.log"), supervisor.logFile(dir, DAEMON))) {
            try {
                List<String> lines = Files.readAllLines(log);
                lines.subList(Math.max(0, lines.size() - 3), lines.size())
                        .forEach(l -> text.append(l).append(" | "));
            } catch (IOException e) {
                // not written (yet)
            }
        }
        return text.length() == 0 ? "(nothing logged)" : text.toString();
    }

    private boolean answers() {
        return get("/stat") != null;
    }

    /** nginx-rtmp's statistics XML; null when nginx does not answer. */
    String stat() {
        return get("/stat");
    }

    /** Disconnects the publisher of a stream of an application; false if there was none. */
    boolean dropPublisher(String app, String name) {
        String dropped =
                get("/control/drop/publisher?app=" + app + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        return dropped != null && !dropped.isBlank() && !dropped.strip().equals("0");
    }

    /** Starts the {@code archive} recorder on a stream of {@code live}; false if nginx has no such stream yet. */
    boolean startRecording(String name) {
        String file = get(
                "/control/record/start?app=live&rec=archive&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        return file != null && !file.isBlank();
    }

    void stopRecording(String name) {
        get("/control/record/stop?app=live&rec=archive&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    /** Disconnects every player of a stream. */
    void dropPlayers(String app, String name) {
        get("/control/drop/subscriber?app=" + app + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    private String get(String path) {
        return LocalHttp.get(config.httpPort(), path, null);
    }
}
