/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.castpanel.simulator.wowza.WowzaServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wowza services end to end on the Wowza simulator (the proprietary server cannot be installed
 * here; the simulator's media plane is a real nginx-rtmp): an administrator registers and checks
 * the server, a customer starts a service, publishes with ffmpeg using the credentials the panel
 * shows (a wrong password is refused), HLS plays and counts as an HLS viewer, the stream is pushed
 * to a restreaming target (a second nginx), the server goes down and comes back empty and the
 * service is flagged and then rebuilt, and a delete leaves nothing on the server.
 */
@WithPanel("h2")
class WowzaIT {

    private final Media media = new Media();
    private final List<AutoCloseable> simulators = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        media.close();
        for (int i = simulators.size() - 1; i >= 0; i--) {
            simulators.get(i).close();
        }
    }

    private WowzaServer simulator(Panel panel, Path dir, int restPort) throws IOException {
        WowzaServer server = WowzaServer.start(WowzaServer.Options.of(
                dir,
                restPort,
                panel.wowzaRtmpPort(),
                panel.wowzaHlsPort(),
                Panel.freePorts(1)[0],
                "wowza-admin",
                "wowza-rest-1",
                false));
        simulators.add(server);
        return server;
    }

    @Test
    void aCustomerBroadcastsThroughWowzaAndTheServiceOutlivesAnOutage(Panel panel) throws Exception {
        Api.As admin = panel.admin();
        Path dir = media.folder("castpanel-it-wowza-");
        int restPort = Panel.freePorts(1)[0];
        WowzaServer wowza = simulator(panel, dir, restPort);

        // the sink: a plain nginx-rtmp on the loopback address the test panel allows as a target
        Media.Sink sink = media.sink();

        // the administrator registers the server and tests the connection
        String name = Fixtures.unique("wowza");
        Api.Reply wrongPassword = admin.post(
                "/engine-servers",
                Map.of(
                        "engineType",
                        "wowza",
                        "name",
                        name + "-bad",
                        "url",
                        "http://127.0.0.1:" + restPort,
                        "username",
                        "wowza-admin",
                        "password",
                        "not-it",
                        "publicHost",
                        "127.0.0.1",
                        "enabled",
                        false));
        long bad = wrongPassword.expect(201).id();
        JsonNode refused = admin.post("/engine-servers/" + bad + "/check", null)
                .expect(200)
                .body();
        assertEquals("UNHEALTHY", refused.get("health").asText());
        assertTrue(refused.get("healthDetail").asText().contains("did not accept the REST user"), refused.toString());
        admin.delete("/engine-servers/" + bad).expect(204);
        long serverId = admin.post(
                        "/engine-servers",
                        Map.of(
                                "engineType",
                                "wowza",
                                "name",
                                name,
                                "url",
                                "http://127.0.0.1:" + restPort,
                                "username",
                                "wowza-admin",
                                "password",
                                "wowza-rest-1",
                                "publicHost",
                                "127.0.0.1"))
                .expect(201)
                .id();
        JsonNode checked = admin.post("/engine-servers/" + serverId + "/check", null)
                .expect(200)
                .body();
        assertEquals("HEALTHY", checked.get("health").asText(), checked.toString());
        assertTrue(checked.get("healthDetail").asText().contains("simulator"), checked.toString());

        Fixtures.Tenant t = Fixtures.tenant(panel.api(), admin);
        Fixtures.Tenant other = Fixtures.tenant(panel.api(), admin);
        assertEquals(
                403,
                t.resellerApi()
                        .post("/engine-servers/" + serverId + "/check", null)
                        .status());
        assertEquals(
                403,
                t.customerApi()
                        .post("/engine-servers/" + serverId + "/check", null)
                        .status());
        assertEquals(404, admin.post("/engine-servers/987654/check", null).status());

        // bad settings are refused with the field named, and nothing is created
        Api.Reply badStream = t.resellerApi()
                .post(
                        "/services",
                        Map.of(
                                "ownerId",
                                t.customerId(),
                                "engineType",
                                "wowza",
                                "config",
                                Map.of("streamName", "a;b c")));
        assertEquals(422, badStream.status(), badStream.raw());
        assertEquals("config.streamName", badStream.text("field"));
        Api.Reply privateTarget = t.resellerApi()
                .post(
                        "/services",
                        Map.of(
                                "ownerId",
                                t.customerId(),
                                "engineType",
                                "wowza",
                                "config",
                                Map.of("pushUrl1", "rtmp://10.1.2.3/live", "pushKey1", "k")));
        assertEquals(422, privateTarget.status(), privateTarget.raw());
        assertEquals("config.pushUrl1", privateTarget.text("field"));

        long service = t.resellerApi()
                .post(
                        "/services",
                        Map.of(
                                "ownerId",
                                t.customerId(),
                                "engineType",
                                "wowza",
                                "name",
                                "Church \"TV\"; {live}",
                                "maxListeners",
                                1,
                                "maxBitrateKbps",
                                4000,
                                "config",
                                Map.of(
                                        "streamName", "sunday",
                                        "pushUrl1", sink.rtmp(),
                                        "pushKey1", "from-wowza")))
                .expect(201)
                .id();
        Api.As owner = t.customerApi();
        String base = "/services/" + service;
        Fixtures.awaitAction(
                owner,
                owner.post(base + "/actions", Map.of("action", "start"))
                        .expect(202)
                        .id());
        String app = "castpanel-h2-" + service;
        assertTrue(
                wowza.applicationNames().contains(app), wowza.applicationNames().toString());

        JsonNode connection = owner.get(base + "/connection").expect(200).body();
        assertEquals("sunday", connection.get("streamName").asText());
        assertEquals(
                "rtmp://127.0.0.1:" + panel.wowzaRtmpPort() + "/" + app,
                connection.get("server").asText());
        assertEquals(404, other.customerApi().get(base + "/connection").status(), "someone else's service");
        assertEquals(404, other.resellerApi().get(base + "/stats").status());

        // the simulator takes the publisher's credentials as query parameters (see the plugin's README)
        String publishUrl = connection.get("publishUrl").asText() + "?user="
                + connection.get("username").asText();
        Process wrong = media.publish(publishUrl + "&pass=wrong");
        assertTrue(wrong.waitFor(30, TimeUnit.SECONDS), "a wrong password ends the encoder");
        assertTrue(wrong.exitValue() != 0);
        media.publish(publishUrl + "&pass=" + connection.get("password").asText());
        Await.until(
                "the panel to see the encoder live",
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
        String segment = Http.body(hls, "ITPlayer/1")
                .lines()
                .filter(l -> l.endsWith(".ts"))
                .findFirst()
                .orElseThrow();
        HttpResponse<byte[]> segmentAnswer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(hls.replace("playlist.m3u8", segment)))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, segmentAnswer.statusCode());
        assertEquals(0x47, segmentAnswer.body()[0] & 0xFF, "an MPEG-TS segment");
        Await.until(
                "the HLS viewer to be counted",
                Duration.ofSeconds(20),
                () -> owner.get(base + "/stats")
                                .body()
                                .at("/current/sample/viewersByProtocol/HLS")
                                .asInt()
                        == 1);
        Await.until(
                "the restreaming target to receive the stream", Duration.ofSeconds(30), () -> sink.has("from-wowza"));

        // the server goes away: the service is flagged, not lost; it comes back empty and is rebuilt
        wowza.close();
        Await.until(
                "the service to show its server unreachable",
                Duration.ofSeconds(30),
                () -> "SERVER_UNREACHABLE".equals(owner.get(base).text("state")));
        assertTrue(
                owner.get(base).text("stateDetail").contains(name),
                owner.get(base).raw());
        assertEquals("UNHEALTHY", admin.get("/engine-servers/" + serverId).text("health"));
        WowzaServer again = simulator(panel, dir, restPort);
        Await.until(
                "the reconciler to rebuild the application on the empty server",
                Duration.ofSeconds(60),
                () -> again.applicationNames().contains(app)
                        && "RUNNING".equals(owner.get(base).text("state")));
        JsonNode history = owner.get(base + "/events").expect(200).body();
        assertTrue(history.toString().contains("restarting it"), history.toString());

        Fixtures.awaitAction(
                owner,
                owner.post(base + "/actions", Map.of("action", "stop"))
                        .expect(202)
                        .id());
        assertEquals("STOPPED", owner.get(base).text("state"));
        // nothing of the customer's is kept on Wowza (no recordings): a delete needs no confirmation
        Fixtures.awaitAction(
                owner,
                owner.post(base + "/actions", Map.of("action", "delete"))
                        .expect(202)
                        .id());
        Await.until(
                "the service to be deleted",
                Duration.ofSeconds(60),
                () -> owner.get(base).status() == 404);
        assertFalse(again.applicationNames().contains(app), "deleting the service deletes its application");
        assertFalse(again.publisherNames().contains(app), "and its publisher");
        // the node as it was: no server left to place the next test's services on
        admin.delete("/engine-servers/" + serverId).expect(204);
    }
}
