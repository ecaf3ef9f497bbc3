/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Await;
import org.castpanel.itests.support.Fixtures;
import org.castpanel.itests.support.Http;
import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.WithPanel;
import org.castpanel.simulator.flussonic.FlussonicServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Flussonic services end to end on the Flussonic simulator (the proprietary server cannot be
 * installed here; its media plane is a real nginx-rtmp): the panel answers Flussonic's publish and
 * play callbacks, so a wrong stream key is refused by the panel and the viewer limit by the panel's
 * X-Max-Sessions; HLS plays, viewers are listed, a push reaches a second nginx, a pulled stream from
 * that nginx plays, and the service outlives the server going away and coming back empty.
 */
@WithPanel("h2")
class FlussonicIT {

    private final List<Process> processes = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : processes) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private FlussonicServer simulator(Panel panel, Path dir) throws IOException {
        FlussonicServer server = FlussonicServer.start(FlussonicServer.Options.of(
                dir,
                panel.flussonicHttpPort(),
                panel.flussonicRtmpPort(),
                Panel.freePorts(1)[0],
                "flussonic",
                "flussonic-edit-1"));
        closeables.add(server);
        return server;
    }

    private Process start(String... command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        processes.add(process);
        return process;
    }

    private Process publish(String url) throws IOException {
        return start(
                "ffmpeg",
                "-nostdin",
                "-loglevel",
                "error",
                "-re",
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=320x240:rate=25",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-tune",
                "zerolatency",
                "-g",
                "25",
                "-b:v",
                "300k",
                "-t",
                "120",
                "-f",
                "flv",
                url);
    }

    private String body(String url) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("User-Agent", "ITPlayer/1")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static void awaitAction(Api.As as, long action) {
        Await.until("action " + action + " to succeed", Duration.ofSeconds(60), () -> {
            JsonNode a = as.get("/actions/" + action).body();
            if ("FAILED".equals(a.get("status").asText())) {
                throw new AssertionError("action failed: " + a);
            }
            return "SUCCEEDED".equals(a.get("status").asText());
        });
    }

    @Test
    void thePanelAuthorizesPublishesAndViewersAndTheServiceOutlivesAnOutage(Panel panel) throws Exception {
        Api.As admin = panel.admin();
        Path dir = Files.createTempDirectory("castpanel-it-flussonic-");
        folders.add(dir);
        FlussonicServer flussonic = simulator(panel, dir);

        // a plain nginx-rtmp on the loopback address the test panel allows: push target and pull source
        Path sinkDir = Files.createTempDirectory("castpanel-it-flussonic-sink-");
        folders.add(sinkDir);
        int[] sinkPorts = Panel.freePorts(2);
        Files.writeString(
                sinkDir.resolve("nginx.conf"),
                "load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;\n"
                        + "daemon off;\nmaster_process off;\npid " + sinkDir.resolve("nginx.pid") + ";\nerror_log "
                        + sinkDir.resolve("error.log") + ";\nevents {}\nrtmp { server { listen " + Panel.SINK_HOST + ":"
                        + sinkPorts[0] + "; application sink { live on; } } }\nhttp { access_log off; server { listen "
                        + "127.0.0.1:" + sinkPorts[1] + "; location /stat { rtmp_stat all; } } }\n");
        start(
                "/usr/sbin/nginx",
                "-p",
                sinkDir.toString(),
                "-e",
                sinkDir.resolve("error.log").toString(),
                "-c",
                sinkDir.resolve("nginx.conf").toString());
        String sinkStat = "http://127.0.0.1:" + sinkPorts[1] + "/stat";
        Await.until("the sink nginx", Duration.ofSeconds(20), () -> Http.status(sinkStat) == 200);
        String sinkRtmp = "rtmp://" + Panel.SINK_HOST + ":" + sinkPorts[0] + "/sink";

        String name = Fixtures.unique("flussonic");
        long serverId = admin.post(
                        "/engine-servers",
                        Map.of(
                                "engineType",
                                "flussonic",
                                "name",
                                name,
                                "url",
                                "http://127.0.0.1:" + panel.flussonicHttpPort(),
                                "username",
                                "flussonic",
                                "password",
                                "flussonic-edit-1",
                                "publicHost",
                                "127.0.0.1"))
                .expect(201)
                .id();
        JsonNode checked = admin.post("/engine-servers/" + serverId + "/check", null)
                .expect(200)
                .body();
        assertEquals("HEALTHY", checked.get("health").asText(), checked.toString());
        Fixtures.Tenant t = Fixtures.tenant(panel.api(), admin);
        Fixtures.Tenant other = Fixtures.tenant(panel.api(), admin);
        assertEquals(
                403,
                t.customerApi()
                        .post("/engine-servers/" + serverId + "/check", null)
                        .status());

        Api.Reply privateSource = t.resellerApi()
                .post(
                        "/services",
                        Map.of(
                                "ownerId",
                                t.customerId(),
                                "engineType",
                                "flussonic",
                                "config",
                                Map.of("source", "pull", "pullUrl", "rtsp://192.168.1.20/stream1")));
        assertEquals(422, privateSource.status(), privateSource.raw());
        assertEquals("config.pullUrl", privateSource.text("field"));
        Api.Reply shell = t.resellerApi()
                .post(
                        "/services",
                        Map.of(
                                "ownerId",
                                t.customerId(),
                                "engineType",
                                "flussonic",
                                "config",
                                Map.of("source", "pull", "pullUrl", "rtsp://cam.example.net/x;reboot")));
        assertEquals(422, shell.status(), shell.raw());
        assertEquals("config.pullUrl", shell.text("field"));

        long live = t.resellerApi()
                .post(
                        "/services",
                        Map.of(
                                "ownerId",
                                t.customerId(),
                                "engineType",
                                "flussonic",
                                "name",
                                "Studio \"A\"",
                                "maxListeners",
                                1,
                                "maxBitrateKbps",
                                4000,
                                "config",
                                Map.of("pushUrl1", sinkRtmp, "pushKey1", "from-flussonic")))
                .expect(201)
                .id();
        Api.As owner = t.customerApi();
        String base = "/services/" + live;
        awaitAction(
                owner,
                owner.post(base + "/actions", Map.of("action", "start"))
                        .expect(202)
                        .id());
        String stream = "castpanel-h2-" + live;
        assertTrue(
                flussonic.streamNames().contains(stream),
                flussonic.streamNames().toString());
        JsonNode connection = owner.get(base + "/connection").expect(200).body();
        String publishUrl = connection.get("publishUrl").asText();
        assertEquals(404, other.customerApi().get(base + "/connection").status(), "someone else's service");
        assertEquals(404, other.resellerApi().get(base + "/listeners").status());

        Process wrong = publish(publishUrl.replaceAll("token=.*", "token=guess"));
        assertTrue(wrong.waitFor(30, TimeUnit.SECONDS), "the panel's callback refuses a wrong key");
        assertTrue(wrong.exitValue() != 0);
        publish(publishUrl);
        Await.until(
                "the panel to see the stream live",
                Duration.ofSeconds(30),
                () -> owner.get(base + "/stats")
                        .body()
                        .at("/current/sample/sourceConnected")
                        .asBoolean());
        String hls = connection.get("hlsUrl").asText();
        Await.until("HLS to play", Duration.ofSeconds(30), () -> body(hls).contains(".ts"));
        JsonNode viewers = owner.get(base + "/listeners").expect(200).body();
        assertEquals(1, viewers.size(), viewers.toString());
        assertEquals("hls", viewers.at("/0/mount").asText());
        assertEquals("ITPlayer/1", viewers.at("/0/userAgent").asText());
        Process second = start(
                "ffmpeg",
                "-nostdin",
                "-loglevel",
                "error",
                "-i",
                "rtmp://127.0.0.1:" + panel.flussonicRtmpPort() + "/static/" + stream,
                "-t",
                "2",
                "-f",
                "null",
                "-");
        assertTrue(second.waitFor(30, TimeUnit.SECONDS));
        assertTrue(second.exitValue() != 0, "the service's one viewer is its limit");
        Await.until(
                "the push to reach the sink",
                Duration.ofSeconds(30),
                () -> body(sinkStat).contains("<name>from-flussonic</name>"));

        // a pulled stream: the sink's camera, fetched by Flussonic and played over HLS
        publish(sinkRtmp + "/camera");
        Await.until(
                "the camera to publish",
                Duration.ofSeconds(30),
                () -> body(sinkStat).contains("<name>camera</name>"));
        long pulled = t.resellerApi()
                .post(
                        "/services",
                        Map.of(
                                "ownerId",
                                t.customerId(),
                                "engineType",
                                "flussonic",
                                "name",
                                "Camera",
                                "maxListeners",
                                5,
                                "config",
                                Map.of("source", "pull", "pullUrl", sinkRtmp + "/camera")))
                .expect(201)
                .id();
        awaitAction(
                owner,
                owner.post("/services/" + pulled + "/actions", Map.of("action", "start"))
                        .expect(202)
                        .id());
        String pulledHls = owner.get("/services/" + pulled + "/connection")
                .body()
                .get("hlsUrl")
                .asText();
        Await.until(
                "the pulled stream to play",
                Duration.ofSeconds(40),
                () -> body(pulledHls).contains(".ts"));

        // the server goes away: flagged, not lost; back empty: rebuilt
        flussonic.close();
        Await.until(
                "the service to show its server unreachable",
                Duration.ofSeconds(30),
                () -> "SERVER_UNREACHABLE".equals(owner.get(base).text("state")));
        FlussonicServer again = simulator(panel, dir);
        Await.until(
                "the reconciler to rebuild both streams",
                Duration.ofSeconds(60),
                () -> again.streamNames().contains(stream)
                        && again.streamNames().contains("castpanel-h2-" + pulled)
                        && "RUNNING".equals(owner.get(base).text("state")));

        awaitAction(
                owner,
                owner.post(base + "/actions", Map.of("action", "stop"))
                        .expect(202)
                        .id());
        assertEquals("STOPPED", owner.get(base).text("state"));
        for (long service : new long[] {live, pulled}) {
            awaitAction(
                    owner,
                    owner.post("/services/" + service + "/actions", Map.of("action", "delete"))
                            .expect(202)
                            .id());
            Await.until(
                    "the service to be deleted",
                    Duration.ofSeconds(60),
                    () -> owner.get("/services/" + service).status() == 404);
        }
        assertEquals(List.of(), again.streamNames(), "deleting the services deletes their streams");
        admin.delete("/engine-servers/" + serverId).expect(204);
    }
}
