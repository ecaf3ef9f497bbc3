/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Await;
import org.castpanel.itests.support.Fixtures;
import org.castpanel.itests.support.Http;
import org.castpanel.itests.support.Media;
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

    private final Media media = new Media();
    private final List<AutoCloseable> simulators = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        media.close();
        for (int i = simulators.size() - 1; i >= 0; i--) {
            simulators.get(i).close();
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
        simulators.add(server);
        return server;
    }

    @Test
    void thePanelAuthorizesPublishesAndViewersAndTheServiceOutlivesAnOutage(Panel panel) throws Exception {
        Api.As admin = panel.admin();
        Path dir = media.folder("castpanel-it-flussonic-");
        FlussonicServer flussonic = simulator(panel, dir);

        // a plain nginx-rtmp on the loopback address the test panel allows: push target and pull source
        Media.Sink sink = media.sink();

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

        // an internal address, and shell characters: refused on the field, nothing created
        for (String bad : List.of("rtsp://192.168.1.20/stream1", "rtsp://cam.example.net/x;reboot")) {
            Api.Reply refused = t.resellerApi()
                    .post(
                            "/services",
                            Map.of(
                                    "ownerId",
                                    t.customerId(),
                                    "engineType",
                                    "flussonic",
                                    "config",
                                    Map.of("source", "pull", "pullUrl", bad)));
            assertEquals(422, refused.status(), refused.raw());
            assertEquals("config.pullUrl", refused.text("field"));
        }
        assertEquals(0, t.resellerApi().get("/services").body().get("total").asInt(), "nothing was created");

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
                                Map.of("pushUrl1", sink.rtmp(), "pushKey1", "from-flussonic")))
                .expect(201)
                .id();
        Api.As owner = t.customerApi();
        String base = "/services/" + live;
        Fixtures.awaitAction(
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

        Process wrong = media.publish(publishUrl.replaceAll("token=.*", "token=guess"));
        assertTrue(wrong.waitFor(30, TimeUnit.SECONDS), "the panel's callback refuses a wrong key");
        assertTrue(wrong.exitValue() != 0);
        media.publish(publishUrl);
        Await.until(
                "the panel to see the stream live",
                Duration.ofSeconds(30),
                () -> owner.get(base + "/stats")
                        .body()
                        .at("/current/sample/sourceConnected")
                        .asBoolean());
        String hls = connection.get("hlsUrl").asText();
        Await.until(
                "HLS to play",
                Duration.ofSeconds(30),
                () -> Http.body(hls, "ITPlayer/1").contains(".ts"));
        JsonNode viewers = owner.get(base + "/listeners").expect(200).body();
        assertEquals(1, viewers.size(), viewers.toString());
        assertEquals("hls", viewers.at("/0/mount").asText());
        assertEquals("ITPlayer/1", viewers.at("/0/userAgent").asText());
        Process second = media.play("rtmp://127.0.0.1:" + panel.flussonicRtmpPort() + "/static/" + stream, 2);
        assertTrue(second.waitFor(30, TimeUnit.SECONDS));
        assertTrue(second.exitValue() != 0, "the service's one viewer is its limit");
        Await.until("the push to reach the sink", Duration.ofSeconds(30), () -> sink.has("from-flussonic"));

        // a pulled stream: the sink's camera, fetched by Flussonic and played over HLS
        media.publish(sink.rtmp() + "/camera");
        Await.until("the camera to publish", Duration.ofSeconds(30), () -> sink.has("camera"));
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
                                Map.of("source", "pull", "pullUrl", sink.rtmp() + "/camera")))
                .expect(201)
                .id();
        Fixtures.awaitAction(
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
                () -> Http.body(pulledHls, "ITPlayer/1").contains(".ts"));

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

        Fixtures.awaitAction(
                owner,
                owner.post(base + "/actions", Map.of("action", "stop"))
                        .expect(202)
                        .id());
        assertEquals("STOPPED", owner.get(base).text("state"));
        for (long service : new long[] {live, pulled}) {
            Fixtures.awaitAction(
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
