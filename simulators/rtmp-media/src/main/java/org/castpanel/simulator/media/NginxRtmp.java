/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.simulator.media;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A real nginx with the RTMP module for a simulator: the simulator writes its {@code application}
 * blocks, this runs nginx (started on the first {@link #apply}, reloaded with SIGHUP after),
 * reads its counters from {@code rtmp_stat} and drops publishers through {@code rtmp_control}.
 */
public final class NginxRtmp implements Closeable {

    /** One live stream as nginx counts it. */
    public record StreamCounters(
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

    /** The flash version nginx's own relays (push, pull) present themselves with. */
    public static final String LOCAL_RELAY = "ngx-local-relay";

    private final Path dir;
    private final String nginx;
    private final String module;
    private final String bind;
    private final int rtmpPort;
    private final int statPort;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    public NginxRtmp(Path dir, String nginx, String module, String bind, int rtmpPort, int statPort) {
        this.dir = dir;
        this.nginx = nginx;
        this.module = module;
        this.bind = bind;
        this.rtmpPort = rtmpPort;
        this.statPort = statPort;
    }

    public int rtmpPort() {
        return rtmpPort;
    }

    /**
     * Puts these {@code application} blocks (nginx-rtmp syntax, written by the simulator from
     * values it validated) into effect and waits until nginx serves exactly {@code applications}.
     */
    public synchronized void apply(String applicationBlocks, Set<String> applications) {
        try {
            Files.writeString(dir.resolve("nginx.conf"), config(applicationBlocks));
            if (process == null || !process.isAlive()) {
                process = new ProcessBuilder(nginx, "-p", dir.toString(), "-c", "nginx.conf")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("nginx.out").toFile())
                        .start();
            } else {
                new ProcessBuilder("kill", "-HUP", Long.toString(process.pid()))
                        .start()
                        .waitFor(5, TimeUnit.SECONDS);
            }
            awaitApplications(applications);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String config(String applicationBlocks) {
        StringBuilder c = new StringBuilder();
        c.append("load_module ").append(module).append(";\n");
        c.append("daemon off;\nmaster_process on;\nworker_processes 1;\n");
        if ("root".equals(System.getProperty("user.name"))) {
            c.append("user root;\n"); // the workers write HLS into the simulator's own folder
        }
        c.append("pid ").append(dir.resolve("nginx-master.pid")).append(";\n");
        c.append("error_log ").append(dir.resolve("error.log")).append(" warn;\n");
        c.append("events { worker_connections 1024; }\n");
        c.append("rtmp {\n  server {\n    listen ")
                .append(bind)
                .append(':')
                .append(rtmpPort)
                .append(";\n    notify_method get;\n");
        c.append(applicationBlocks);
        c.append("  }\n}\n");
        c.append("http {\n  access_log off;\n  server {\n    listen 127.0.0.1:")
                .append(statPort)
                .append(";\n");
        c.append("    location /stat { rtmp_stat all; }\n    location /control { rtmp_control all; }\n  }\n}\n");
        return c.toString();
    }

    /** Until the stat page names exactly these applications (a reload's new workers took over). */
    private void awaitApplications(Set<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "nginx exited: " + tail(dir.resolve("nginx.out")) + " " + tail(dir.resolve("error.log")));
            }
            Document stat = statXml();
            if (stat != null && applicationNames(stat).equals(wanted)) {
                return;
            }
            Thread.sleep(20); // polling nginx's own readiness: there is nothing to wait on
        }
        throw new IllegalStateException(
                "nginx did not serve " + wanted + " within 10 s: " + tail(dir.resolve("error.log")));
    }

    private static Set<String> applicationNames(Document stat) {
        Set<String> names = new HashSet<>();
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

    /** Every live stream nginx has now, by application; players exclude nginx's own relays. */
    public Map<String, Map<String, StreamCounters>> streams() {
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
    public boolean dropPublisher(String app, String stream) {
        return control("/control/drop/publisher?app=" + app + "&name=" + stream);
    }

    /** Drops one client (a player) of a stream, by nginx's client id; whether there was one. */
    public boolean dropClient(String app, String stream, String clientId) {
        return control("/control/drop/client?app=" + app + "&name=" + stream + "&clientid=" + clientId);
    }

    private boolean control(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statPort + path))
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

    /** Stops nginx and its workers (none may keep the RTMP port). */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.forEach(ProcessHandle::destroyForcibly);
    }
}
