/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Await;
import org.castpanel.itests.support.Fixtures;
import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.WithPanel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The SHOUTcast engine on the DNAS simulator (the proprietary sc_serv cannot be installed here),
 * with real media: Liquidsoap's Shoutcast output encodes and sends MP3 with the credentials the
 * panel shows, listeners receive it over HTTP, limits hold, a reload keeps listeners connected,
 * and the stream outlives a kill -9 of the panel.
 */
@WithPanel("h2")
class ShoutcastIT {

    private final List<Process> encoders = new ArrayList<>();

    @AfterEach
    void stopEncoders() {
        encoders.forEach(Process::destroyForcibly);
    }

    /** Liquidsoap sending a sine tone as MP3 to a DNAS with the v1 (legacy) protocol. */
    private void encode(int port, String password, String name) throws IOException {
        Path log = Files.createTempFile("liquidsoap-", ".log");
        log.toFile().deleteOnExit();
        String script = "settings.init.allow_root.set(true)\n"
                + "settings.log.stdout.set(true)\n"
                + "output.shoutcast(%mp3(bitrate=64), host=\"127.0.0.1\", port=" + port + ", password=\""
                + password + "\", name=\"" + name + "\", mksafe(sine()))\n";
        encoders.add(new ProcessBuilder("liquidsoap", script)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start());
    }

    private static JsonNode sample(Api.As as, long service) {
        return as.get("/services/" + service + "/stats").body().at("/current/sample");
    }

    /** A listener's connection; it has received MP3 when frame syncs show in what it read. */
    private static InputStream listen(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setReadTimeout(10_000);
        assertEquals(200, connection.getResponseCode(), url);
        return connection.getInputStream();
    }

    private static boolean looksLikeMp3(byte[] bytes) {
        int syncs = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xE0) == 0xE0) {
                syncs++;
            }
        }
        return syncs >= 3;
    }

    private static int status(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setReadTimeout(5_000);
        int status = connection.getResponseCode();
        connection.disconnect();
        return status;
    }

    @Test
    void aCustomerStreamsThroughShoutcastOnTwoStreamIdsAndTheStreamSurvivesAReloadAndAPanelCrash(Panel panel)
            throws Exception {
        Api api = panel.api();
        Api.As admin = panel.admin();
        String customer = Fixtures.unique("sc");
        long customerId = Fixtures.account(admin, customer, Map.of()).id();
        Api.As dj = api.login(customer, Fixtures.PASSWORD);

        long service = admin.post(
                        "/services",
                        Map.of(
                                "ownerId",
                                customerId,
                                "engineType",
                                "shoutcast2",
                                "maxListeners",
                                2,
                                "mountPoints",
                                3,
                                "name",
                                "Night FM",
                                "config",
                                Map.of("mount", "/live", "genre", "Jazz; portbase=1 # x")))
                .expect(201)
                .id();
        admin.post("/services/" + service + "/mounts", Map.of("name", "/second", "maxListeners", 1))
                .expect(201);
        Fixtures.awaitAction(
                dj,
                dj.post("/services/" + service + "/actions", Map.of("action", "start"))
                        .expect(202)
                        .id());

        JsonNode connection =
                dj.get("/services/" + service + "/connection").expect(200).body();
        int port = connection.get("port").asInt();
        assertEquals(port + 1, connection.get("legacySourcePort").asInt());
        String stream2Password = connection.get("stream2SourcePassword").asText();
        assertTrue(stream2Password.endsWith(":#2"), "v1 encoders name the stream after the password");
        String first = "http://127.0.0.1:" + port + "/live";
        String second = "http://127.0.0.1:" + port + "/second";
        assertTrue(connection.get("listenUrl").asText().endsWith(":" + port + "/live"), connection.toString());

        // the config file: the documented keys, the customer's text nowhere near them
        String conf = Files.readString(panel.storage().resolve("services/service_" + service + "/sc_serv.conf"));
        assertFalse(conf.contains("Jazz") || conf.contains("portbase=1\n"), conf);
        Api.Reply newline = dj.patch("/services/" + service, Map.of("config", Map.of("genre", "Jazz\nportbase=1")));
        assertEquals(422, newline.status());
        assertEquals("config.genre", newline.text("field"));
        assertTrue(conf.contains("streampath_2=/second") && conf.contains("streammaxuser_2=1"), conf);
        Api.Reply injected =
                dj.patch("/services/" + service, Map.of("config", Map.of("mount", "/x\nadminpassword=mine")));
        assertEquals(422, injected.status());
        assertEquals("config.mount", injected.text("field"));
        Api.Reply badMount = admin.post("/services/" + service + "/mounts", Map.of("name", "/y;streamid_9=9"));
        assertEquals(422, badMount.status());
        assertEquals(conf, Files.readString(panel.storage().resolve("services/service_" + service + "/sc_serv.conf")));

        encode(port, connection.get("sourcePassword").asText(), "Night FM");
        encode(port, stream2Password, "Night FM 2");
        for (int sid : new int[] {1, 2}) {
            Await.until("the encoder of stream " + sid + " to connect", Duration.ofSeconds(30), () -> {
                try (InputStream stats =
                        new URL("http://127.0.0.1:" + port + "/stats?sid=" + sid + "&json=1").openStream()) {
                    return new String(stats.readAllBytes()).contains("\"streamstatus\":1");
                } catch (IOException e) {
                    return false;
                }
            });
        }
        Await.until(
                "the panel's statistics to show a source",
                Duration.ofSeconds(30),
                () -> sample(dj, service).get("sourceConnected").asBoolean());

        InputStream listener = listen(first);
        assertTrue(looksLikeMp3(listener.readNBytes(16_384)), "the listener receives MP3 from the encoder");
        InputStream onSecond = listen(second);
        assertTrue(looksLikeMp3(onSecond.readNBytes(8_192)), "the second stream id plays too");
        assertTrue(status(first) >= 500, "the service's listener limit (2) refuses the next listener");
        Await.until(
                "the listeners to be counted",
                Duration.ofSeconds(20),
                () -> sample(dj, service).get("listeners").asInt() == 2);
        assertEquals(
                2,
                sample(dj, service).get("uniqueListeners").asInt(),
                "unique listeners are the DNAS's own figure, per stream, kept apart from connections");
        JsonNode listeners =
                dj.get("/services/" + service + "/listeners").expect(200).body();
        assertEquals(2, listeners.size(), listeners.toString());
        Fixtures.Tenant other = Fixtures.tenant(api, admin);
        assertEquals(
                404,
                other.resellerApi().get("/services/" + service + "/connection").status());
        assertEquals(
                404,
                other.customerApi().get("/services/" + service + "/listeners").status());

        // a settings change reloads sc_serv through admin.cgi: the listener stays connected
        dj.patch("/services/" + service, Map.of("config", Map.of("public", true)))
                .expect(200);
        Await.until(
                "the reload to run",
                Duration.ofSeconds(30),
                () -> dj.get("/services/" + service + "/actions")
                        .raw()
                        .contains("\"action\":\"RELOAD\",\"status\":\"SUCCEEDED\""));
        assertTrue(Files.readString(panel.storage().resolve("services/service_" + service + "/sc_serv.conf"))
                .contains("publicserver=always"));
        assertTrue(looksLikeMp3(listener.readNBytes(16_384)), "the listener kept receiving through the reload");

        long pid = Long.parseLong(
                Files.readAllLines(panel.storage().resolve("services/service_" + service + "/sc_serv.pid"))
                        .get(0));
        panel.killAndRestart();
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "sc_serv outlived the panel");
        assertTrue(looksLikeMp3(listener.readNBytes(16_384)), "the listener kept receiving through the panel crash");
        Api.As adminAgain = panel.admin();
        Await.until(
                "the restarted panel to see the service running",
                Duration.ofSeconds(30),
                () -> "RUNNING".equals(adminAgain.get("/services/" + service).text("state")));
        assertEquals(
                pid,
                Long.parseLong(
                        Files.readAllLines(panel.storage().resolve("services/service_" + service + "/sc_serv.pid"))
                                .get(0)),
                "the panel adopted the running sc_serv");
        Await.until(
                "statistics after the crash",
                Duration.ofSeconds(20),
                () -> sample(adminAgain, service).get("listeners").asInt() == 2);

        encoders.forEach(Process::destroyForcibly);
        Fixtures.awaitAction(
                adminAgain,
                adminAgain
                        .post("/services/" + service + "/actions", Map.of("action", "delete"))
                        .expect(202)
                        .id());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "deleting stops sc_serv");
    }
}
