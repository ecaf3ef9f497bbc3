/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.simulator.wowza;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

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

    /** One stream as nginx counts it. */
    record StreamCounters(
            String app,
            String name,
            boolean publishing,
            String sourceIp,
            long uptimeMillis,
            long bytesIn,
            long bytesOut,
            long bitsInPerSecond,
            long bitsOutPerSecond,
            int players) {}

    /** The flash version nginx's relays (pushes) present themselves with. */
    static final String LOCAL_RELAY = "ngx-local-relay";

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Duration HLS_SESSION = Duration.ofSeconds(20);

    private final Path dir;
    private final String nginx;
    private final String module;
    private final String bind;
    private final int rtmpPort;
    private final int statPort;
    private final String callbackBase;
    private final HttpServer hls;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Long> hlsSessions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> hlsBytes = new ConcurrentHashMap<>();
    private final SessionGate gate;
    private Process process;

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
        this.nginx = nginx;
        this.module = module;
        this.bind = bind;
        this.rtmpPort = rtmpPort;
        this.statPort = statPort;
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

    /** Writes nginx's config for these applications and starts nginx, or has it reload. */
    synchronized void apply(Collection<App> apps) {
        try {
            Files.writeString(dir.resolve("nginx.conf"), config(apps));
            for (App app : apps) {
                Files.createDirectories(dir.resolve("hls").resolve(app.name()));
            }
            if (process == null || !process.isAlive()) {
                process = new ProcessBuilder(nginx, "-p", dir.toString(), "-c", "nginx.conf")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("nginx.out").toFile())
                        .start();
                awaitStat();
            } else {
                Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start();
                hup.waitFor(5, TimeUnit.SECONDS);
                awaitReload(apps);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String config(Collection<App> apps) {
        StringBuilder c = new StringBuilder();
        c.append("load_module ").append(module).append(";\n");
        c.append("daemon off;\nmaster_process on;\nworker_processes 1;\n");
        if ("root".equals(System.getProperty("user.name"))) {
            c.append("user root;\n"); // the workers write HLS into this simulator's own folder
        }
        c.append("pid ").append(dir.resolve("nginx-master.pid")).append(";\n");
        c.append("error_log ").append(dir.resolve("error.log")).append(" warn;\n");
        c.append("events { worker_connections 1024; }\n");
        c.append("rtmp {\n  server {\n    listen ")
                .append(bind)
                .append(':')
                .append(rtmpPort)
                .append(";\n    notify_method get;\n");
        for (App app : apps) {
            c.append("    application ").append(app.name()).append(" {\n      live on;\n");
            c.append("      on_publish ").append(callbackBase).append("/publish;\n");
            c.append("      on_play ").append(callbackBase).append("/play;\n");
            c.append("      hls on;\n      hls_path ")
                    .append(dir.resolve("hls").resolve(app.name()))
                    .append(";\n      hls_fragment 1s;\n      hls_playlist_length 6s;\n");
            for (String push : app.pushes()) {
                c.append("      push ").append(push).append(";\n");
            }
            c.append("    }\n");
        }
        c.append("  }\n}\n");
        c.append("http {\n  access_log off;\n  server {\n    listen 127.0.0.1:")
                .append(statPort)
                .append(";\n");
        c.append("    location /stat { rtmp_stat all; }\n    location /control { rtmp_control all; }\n  }\n}\n");
        return c.toString();
    }

    private void awaitStat() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "nginx exited: " + tail(dir.resolve("nginx.out")) + " " + tail(dir.resolve("error.log")));
            }
            if (statXml() != null) {
                return;
            }
            Thread.sleep(20); // polling nginx's own readiness, there is nothing to wait on
        }
        throw new IllegalStateException("nginx did not answer on " + statPort);
    }

    /** Until the stat page names exactly the applications the new config has (the new workers took over). */
    private void awaitReload(Collection<App> apps) throws InterruptedException {
        java.util.Set<String> wanted = new java.util.HashSet<>();
        apps.forEach(a -> wanted.add(a.name()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Document stat = statXml();
            if (stat != null && applicationNames(stat).equals(wanted)) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static java.util.Set<String> applicationNames(Document stat) {
        java.util.Set<String> names = new java.util.HashSet<>();
        NodeList list = stat.getElementsByTagName("application");
        for (int i = 0; i < list.getLength(); i++) {
            names.add(child((Element) list.item(i), "name"));
        }
        return names;
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file);
            return text.substring(Math.max(0, text.length() - 400)).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private Document statXml() {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statPort + "/stat"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return null;
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("nginx's stat page did not parse", e);
        }
    }

    /** Every live stream nginx has now, by application. */
    Map<String, Map<String, StreamCounters>> streams() {
        Map<String, Map<String, StreamCounters>> result = new HashMap<>();
        Document stat = process == null ? null : statXml();
        if (stat == null) {
            return result;
        }
        NodeList apps = stat.getElementsByTagName("application");
        for (int i = 0; i < apps.getLength(); i++) {
            Element app = (Element) apps.item(i);
            String appName = child(app, "name");
            Map<String, StreamCounters> streams = result.computeIfAbsent(appName, a -> new HashMap<>());
            NodeList list = app.getElementsByTagName("stream");
            for (int j = 0; j < list.getLength(); j++) {
                Element s = (Element) list.item(j);
                boolean publishing = false;
                String sourceIp = null;
                int players = 0;
                for (Node n = s.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element client && client.getTagName().equals("client")) {
                        if (client.getElementsByTagName("publishing").getLength() > 0) {
                            publishing = true;
                            sourceIp = child(client, "address");
                        } else if (!LOCAL_RELAY.equals(child(client, "flashver"))) {
                            players++;
                        }
                    }
                }
                streams.put(
                        child(s, "name"),
                        new StreamCounters(
                                appName,
                                child(s, "name"),
                                publishing,
                                sourceIp,
                                number(child(s, "time")),
                                number(child(s, "bytes_in")),
                                number(child(s, "bytes_out")),
                                number(child(s, "bw_in")),
                                number(child(s, "bw_out")),
                                players));
            }
        }
        return result;
    }

    private static String child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        return "";
    }

    private static long number(String text) {
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Drops a stream's publisher through nginx's control module; whether there was one. */
    boolean dropPublisher(String app, String stream) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statPort + "/control/drop/publisher?app="
                                    + app + "&name=" + stream))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().trim().equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
    public synchronized void close() {
        hls.stop(0);
        ((java.util.concurrent.ExecutorService) hls.getExecutor()).shutdownNow();
        if (process != null) {
            java.util.List<ProcessHandle> workers = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // nginx's workers go with their master; none may keep the RTMP port
            workers.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
