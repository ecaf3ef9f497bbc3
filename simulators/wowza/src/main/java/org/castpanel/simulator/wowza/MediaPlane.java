/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.simulator.wowza;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.castpanel.simulator.media.NginxRtmp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The simulator's media plane: a real nginx with the RTMP module, one RTMP application per running
 * Wowza application (publish and play checked by the simulator through nginx's callbacks), its
 * HLS served at Wowza's URL shape ({@code /{app}/{stream}/playlist.m3u8}) by the simulator itself,
 * which counts those viewers as Wowza counts CUPERTINO sessions. Statistics are nginx's counters.
 */
final class MediaPlane implements Closeable {

    /** What the media plane needs to know of a running application. */
    record App(String name, java.util.List<String> pushes) {}

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Duration HLS_SESSION = Duration.ofSeconds(20);

    private final Path dir;
    private final NginxRtmp nginx;
    private final String callbackBase;
    private final HttpServer hls;
    private final Map<String, Long> hlsSessions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> hlsBytes = new ConcurrentHashMap<>();
    private final SessionGate gate;

    /** Decides whether a new viewer may play an application (its maximum of connections). */
    interface SessionGate {
        boolean mayPlay(String app);
    }

    MediaPlane(
            Path dir,
            String nginx,
            String module,
            String bind,
            int rtmpPort,
            int hlsPort,
            int statPort,
            String callbackBase,
            SessionGate gate)
            throws IOException {
        this.dir = dir;
        this.nginx = new NginxRtmp(dir, nginx, module, bind, rtmpPort, statPort);
        this.callbackBase = callbackBase;
        this.gate = gate;
        Files.createDirectories(dir.resolve("hls"));
        hls = HttpServer.create(new InetSocketAddress(bind, hlsPort), 64);
        hls.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "wowza-sim-hls");
            t.setDaemon(true);
            return t;
        }));
        hls.createContext("/", this::serveHls);
        hls.start();
    }

    /** Writes nginx's application blocks for these applications and has nginx serve them. */
    void apply(Collection<App> apps) {
        StringBuilder blocks = new StringBuilder();
        java.util.Set<String> names = new java.util.HashSet<>();
        try {
            for (App app : apps) {
                Files.createDirectories(dir.resolve("hls").resolve(app.name()));
                names.add(app.name());
                blocks.append("    application ").append(app.name()).append(" {\n      live on;\n");
                blocks.append("      on_publish ").append(callbackBase).append("/publish;\n");
                blocks.append("      on_play ").append(callbackBase).append("/play;\n");
                blocks.append("      hls on;\n      hls_path ")
                        .append(dir.resolve("hls").resolve(app.name()))
                        .append(";\n      hls_fragment 1s;\n      hls_playlist_length 6s;\n");
                for (String push : app.pushes()) {
                    blocks.append("      push ").append(push).append(";\n");
                }
                blocks.append("    }\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        nginx.apply(blocks.toString(), names);
    }

    Map<String, Map<String, NginxRtmp.StreamCounters>> streams() {
        return nginx.streams();
    }

    boolean dropPublisher(String app, String stream) {
        return nginx.dropPublisher(app, stream);
    }

    /** HLS viewers of an application now (sessions seen in the last 20 s). */
    int hlsViewers(String app) {
        long now = System.nanoTime();
        hlsSessions.values().removeIf(seen -> now - seen > HLS_SESSION.toNanos());
        return (int) hlsSessions.keySet().stream()
                .filter(k -> k.startsWith(app + "/"))
                .count();
    }

    long hlsBytesOut(String app) {
        AtomicLong bytes = hlsBytes.get(app);
        return bytes == null ? 0 : bytes.get();
    }

    /** Forgets what was counted for an application (deleted). */
    void forget(String app) {
        hlsSessions.keySet().removeIf(k -> k.startsWith(app + "/"));
        hlsBytes.remove(app);
    }

    private void serveHls(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            // "", app, stream, file
            if (parts.length != 4
                    || !NAME.matcher(parts[1]).matches()
                    || !NAME.matcher(parts[2]).matches()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String app = parts[1];
            String stream = parts[2];
            Path folder = dir.resolve("hls").resolve(app);
            Path file;
            String type;
            if (parts[3].equals("playlist.m3u8")) {
                file = folder.resolve(stream + ".m3u8");
                type = "application/vnd.apple.mpegurl";
            } else if (parts[3].matches(Pattern.quote(stream) + "-[0-9]{1,12}\\.ts")) {
                file = folder.resolve(parts[3]);
                type = "video/mp2t";
            } else {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String session = app + "/" + stream + "/"
                    + exchange.getRemoteAddress().getAddress().getHostAddress();
            if (!hlsSessions.containsKey(session) && !gate.mayPlay(app)) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            hlsSessions.put(session, System.nanoTime());
            byte[] body;
            try (InputStream in = Files.newInputStream(file)) {
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            hlsBytes.computeIfAbsent(app, a -> new AtomicLong()).addAndGet(body.length);
        }
    }

    @Override
    public void close() {
        hls.stop(0);
        ((java.util.concurrent.ExecutorService) hls.getExecutor()).shutdownNow();
        nginx.close();
    }
}
