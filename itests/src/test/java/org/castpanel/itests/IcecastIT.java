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
import java.net.Socket;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Await;
import org.castpanel.itests.support.Fixtures;
import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.WithPanel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Icecast 2 engine with real icecast2 and ffmpeg: a customer's service is created and started
 * through the API, ffmpeg streams a sine tone to the connection details shown, a listener
 * receives audio, the listener limit holds, statistics count the listener, and the stream keeps
 * playing through a kill -9 of the panel, which adopts the running icecast again.
 */
@WithPanel("h2")
class IcecastIT {

    private Process encoder;

    @AfterEach
    void stopEncoder() {
        if (encoder != null) {
            encoder.destroyForcibly();
        }
    }

    @Test
    void aCustomerStreamsThroughIcecastAndTheStreamSurvivesAPanelCrash(Panel panel) throws Exception {
        Api api = panel.api();
        Api.As admin = panel.admin();
        String customer = Fixtures.unique("dj");
        long customerId = Fixtures.account(admin, customer, Map.of()).id();
        Api.As dj = api.login(customer, Fixtures.PASSWORD);

        long service = admin.post(
                        "/services",
                        Map.of(
                                "ownerId",
                                customerId,
                                "engineType",
                                "icecast",
                                "maxListeners",
                                1,
                                "name",
                                "Radio </name> & Co",
                                "config",
                                Map.of("mount", "/live", "genre", "<b>jazz</b>")))
                .expect(201)
                .id();
        long start = dj.post("/services/" + service + "/actions", Map.of("action", "start"))
                .expect(202)
                .id();
        Await.until(
                "icecast to start",
                Duration.ofSeconds(60),
                () -> "SUCCEEDED"
                        .equals(dj.get("/actions/" + start).body().get("status").asText()),
                () -> "; the action: " + admin.get("/actions/" + start).raw() + "; the service's history: "
                        + admin.get("/services/" + service + "/events").raw());

        JsonNode connection =
                dj.get("/services/" + service + "/connection").expect(200).body();
        int port = connection.get("port").asInt();
        assertEquals("/live", connection.get("mount").asText());
        String listenUrl = "http://127.0.0.1:" + port + "/live";
        String encoderUrl =
                "icecast://source:" + connection.get("sourcePassword").asText() + "@127.0.0.1:" + port + "/live";
        Fixtures.Tenant other = Fixtures.tenant(api, admin);
        assertEquals(
                404,
                other.resellerApi().get("/services/" + service + "/connection").status(),
                "another tenant never sees the source password");

        encoder = new ProcessBuilder(
                        "ffmpeg",
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-re",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440",
                        "-ac",
                        "2",
                        "-ar",
                        "44100",
                        "-c:a",
                        "libmp3lame",
                        "-b:a",
                        "128k",
                        "-content_type",
                        "audio/mpeg",
                        "-f",
                        "mp3",
                        encoderUrl)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Await.until(
                "the source to connect",
                Duration.ofSeconds(20),
                () -> dj.get("/services/" + service + "/stats")
                        .body()
                        .at("/current/sample/sourceConnected")
                        .asBoolean());

        HttpURLConnection listener = (HttpURLConnection) new URL(listenUrl).openConnection();
        listener.setReadTimeout(10_000);
        InputStream audio = listener.getInputStream();
        assertEquals(200, listener.getResponseCode());
        assertTrue(audio.readNBytes(16_384).length == 16_384, "the listener receives audio");
        Await.until(
                "the listener to be counted",
                Duration.ofSeconds(20),
                () -> dj.get("/services/" + service + "/stats")
                                .body()
                                .at("/current/sample/listeners")
                                .asInt()
                        == 1);
        JsonNode listeners =
                dj.get("/services/" + service + "/listeners").expect(200).body();
        assertEquals(1, listeners.size(), listeners.toString());
        assertEquals("127.0.0.1", listeners.at("/0/address").asText());
        Await.until("the collector to account bytes sent", Duration.ofSeconds(20), () -> {
            JsonNode history = dj.get("/services/" + service + "/stats").body().get("history");
            return history.get("samples").size() >= 2
                    && history.get("transferBytesThisMonth").asLong() > 0;
        });

        HttpURLConnection second = (HttpURLConnection) new URL(listenUrl).openConnection();
        second.setReadTimeout(5_000);
        assertTrue(second.getResponseCode() >= 400, "max listeners 1: the second listener is refused");
        second.disconnect();

        long icecastPid = Long.parseLong(java.nio.file.Files.readAllLines(
                        panel.storage().resolve("services/service_" + service + "/icecast.pid"))
                .get(0));
        AtomicLong received = new AtomicLong();
        panel.killAndRestart();
        assertTrue(
                ProcessHandle.of(icecastPid).map(ProcessHandle::isAlive).orElse(false), "icecast outlived the panel");
        for (int i = 0; i < 4; i++) {
            received.addAndGet(audio.readNBytes(8_192).length);
        }
        assertEquals(4 * 8_192, received.get(), "the listener kept receiving through the panel crash");
        Api.As adminAgain = panel.admin();
        Await.until(
                "the restarted panel to see the service running",
                Duration.ofSeconds(30),
                () -> "RUNNING".equals(adminAgain.get("/services/" + service).text("state")));
        JsonNode after =
                adminAgain.get("/services/" + service + "/stats").body().at("/current/sample");
        assertTrue(
                after.get("sourceConnected").asBoolean(), "the encoder is still connected after the crash: " + after);
        assertEquals(1, after.get("listeners").asInt(), "the listener is still connected after the crash: " + after);
        assertEquals(
                icecastPid,
                Long.parseLong(java.nio.file.Files.readAllLines(
                                panel.storage().resolve("services/service_" + service + "/icecast.pid"))
                        .get(0)),
                "the panel adopted the running icecast instead of starting another");
        listener.disconnect();
        encoder.destroyForcibly();

        // a crashed icecast comes back through the reconciler, and the service's history says so
        ProcessHandle.of(icecastPid).orElseThrow().destroyForcibly();
        Await.until("the reconciler to restart icecast", Duration.ofSeconds(40), () -> {
            try {
                long pid = Long.parseLong(java.nio.file.Files.readAllLines(
                                panel.storage().resolve("services/service_" + service + "/icecast.pid"))
                        .get(0));
                return pid != icecastPid && portOpen(port);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
        assertTrue(adminAgain
                .get("/services/" + service + "/events")
                .body()
                .toString()
                .contains("restarting"));
        assertTrue(
                systemAudit(adminAgain, service, "reconciler", "service.action", "START: found not running"),
                "the reconciler's restart is audited with the system actor");

        // an allowance of 0 GB is used up: the collector suspends the service, which stops it
        adminAgain.patch("/services/" + service, Map.of("dataTransferGb", 0)).expect(200);
        Await.until("the service to be suspended and stopped", Duration.ofSeconds(30), () -> {
            JsonNode s = adminAgain.get("/services/" + service).body();
            return s.get("suspended").asBoolean()
                    && "STOPPED".equals(s.get("state").asText());
        });
        assertTrue(adminAgain
                .get("/services/" + service + "/events")
                .body()
                .toString()
                .contains("data transfer"));
        assertTrue(
                systemAudit(
                        adminAgain, service, "statistics", "service.suspend", "suspended: the monthly data transfer"),
                "the suspension is audited with the system actor");
        assertTrue(
                systemAudit(adminAgain, service, "statistics", "service.action", "STOP: suspended"),
                "the stop it queued is audited with the system actor");
        assertFalse(portOpen(port), "the port is closed once stopped");
        long delete = adminAgain
                .post("/services/" + service + "/actions", Map.of("action", "delete"))
                .expect(202)
                .id();
        Await.until(
                "the service to be deleted",
                Duration.ofSeconds(30),
                () -> "SUCCEEDED"
                        .equals(adminAgain
                                .get("/actions/" + delete)
                                .body()
                                .get("status")
                                .asText()));
    }

    /** Whether the audit log has an entry about the service by the panel itself, from {@code origin}. */
    private static boolean systemAudit(Api.As admin, long service, String origin, String action, String detailStart) {
        for (JsonNode e : admin.get("/audit-log?size=200&action=" + action + "&targetId=" + service)
                .expect(200)
                .body()
                .get("items")) {
            if ("service".equals(e.path("targetType").asText())
                    && !e.hasNonNull("actorId")
                    && "system".equals(e.path("actorUsername").asText())
                    && origin.equals(e.path("origin").asText())
                    && e.path("detail").asText().startsWith(detailStart)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Mount points through the API (limits, validation, tenancy), listeners per mount, a reload that
     * keeps listeners, the bitrate watchdog cutting a source over the limit, and a plan that keeps
     * services running over their transfer allowance.
     */
    @Test
    void mountPointsBitrateWatchdogAndThePlansTransferSwitch(Panel panel) throws Exception {
        Api api = panel.api();
        Api.As admin = panel.admin();
        Fixtures.Tenant t = Fixtures.tenant(api, admin);
        admin.put(
                        "/reseller-plans/" + t.planId(),
                        Map.of(
                                "name",
                                Fixtures.unique("plan"),
                                "serverLimit",
                                10,
                                "maxListeners",
                                1000,
                                "suspendOverTransfer",
                                false))
                .expect(200);
        long service = t.resellerApi()
                .post(
                        "/services",
                        Map.of(
                                "ownerId",
                                t.customerId(),
                                "engineType",
                                "icecast",
                                "maxListeners",
                                5,
                                "maxBitrateKbps",
                                64,
                                "mountPoints",
                                3,
                                "dataTransferGb",
                                0,
                                "config",
                                Map.of("mount", "/live")))
                .expect(201)
                .id();
        Api.As dj = t.customerApi();
        String mounts = "/services/" + service + "/mounts";

        long low = dj.post(
                        mounts,
                        Map.of(
                                "name",
                                "/low",
                                "maxListeners",
                                1,
                                "fallbackMount",
                                "/live",
                                "hidden",
                                true,
                                "streamName",
                                "Low </stream-name><mount>"))
                .expect(201)
                .id();
        assertEquals("name", dj.post(mounts, Map.of("name", "low")).expect(422).text("field"));
        assertEquals(409, dj.post(mounts, Map.of("name", "/live")).status(), "the main mount's name is taken");
        assertEquals(
                "fallbackMount",
                dj.post(mounts, Map.of("name", "/x", "fallbackMount", "/nope"))
                        .expect(422)
                        .text("field"));
        assertEquals(
                "maxListeners",
                dj.post(mounts, Map.of("name", "/x", "maxListeners", 6))
                        .expect(422)
                        .text("field"));
        long hi = dj.post(mounts, Map.of("name", "/hi")).expect(201).id();
        assertEquals(409, dj.post(mounts, Map.of("name", "/third")).status(), "3 mount points with the main one");
        assertEquals(
                409,
                t.resellerApi()
                        .patch("/services/" + service, Map.of("mountPoints", 2))
                        .status(),
                "the limit cannot drop below the mounts there are");
        Fixtures.Tenant other = Fixtures.tenant(api, admin);
        assertEquals(404, other.resellerApi().get(mounts).status());
        assertEquals(
                404,
                other.customerApi()
                        .put(mounts + "/" + hi, Map.of("name", "/stolen"))
                        .status());
        assertEquals(404, other.customerApi().delete(mounts + "/" + hi).status());
        assertEquals(2, dj.get(mounts).expect(200).body().size(), "nothing changed by the refused requests");

        long start = dj.post("/services/" + service + "/actions", Map.of("action", "start"))
                .expect(202)
                .id();
        Await.until(
                "icecast to start",
                Duration.ofSeconds(60),
                () -> "SUCCEEDED"
                        .equals(dj.get("/actions/" + start).body().get("status").asText()));
        JsonNode connection =
                dj.get("/services/" + service + "/connection").expect(200).body();
        int port = connection.get("port").asInt();
        String source = "icecast://source:" + connection.get("sourcePassword").asText() + "@127.0.0.1:" + port;
        encoder = ffmpeg(source + "/low", "48k");
        Await.until(
                "the source of /low to connect",
                Duration.ofSeconds(20),
                () -> dj.get("/services/" + service + "/stats")
                        .body()
                        .at("/current/sample/listenersPerMount")
                        .has("/low"));
        HttpURLConnection listener = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/low").openConnection();
        listener.setReadTimeout(10_000);
        InputStream audio = listener.getInputStream();
        assertEquals(16_384, audio.readNBytes(16_384).length, "a listener of the extra mount receives audio");
        Await.until(
                "the listener to be counted on /low",
                Duration.ofSeconds(20),
                () -> dj.get("/services/" + service + "/stats")
                                .body()
                                .at("/current/sample/listenersPerMount/~1low")
                                .asInt()
                        == 1);
        assertEquals(
                "/low",
                dj.get("/services/" + service + "/listeners")
                        .expect(200)
                        .body()
                        .at("/0/mount")
                        .asText());
        HttpURLConnection second = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/low").openConnection();
        assertTrue(second.getResponseCode() >= 400, "the mount's own limit of 1 listener holds");
        second.disconnect();

        // a mount renamed while running: icecast re-reads its config, the listener stays
        long pid = icecastPid(panel, service);
        dj.put(mounts + "/" + hi, Map.of("name", "/high", "fallbackMount", "/low"))
                .expect(200);
        Await.until(
                "the reload to finish",
                Duration.ofSeconds(30),
                () -> dj.get("/services/" + service + "/actions")
                        .body()
                        .at("/items/0")
                        .path("status")
                        .asText()
                        .equals("SUCCEEDED"));
        assertEquals(
                "RELOAD",
                dj.get("/services/" + service + "/actions")
                        .body()
                        .at("/items/0/action")
                        .asText());
        assertEquals(pid, icecastPid(panel, service), "reloaded in place, not restarted");
        assertEquals(8_192, audio.readNBytes(8_192).length, "the listener kept playing through the reload");
        assertEquals(409, dj.delete(mounts + "/" + low).status(), "/high falls back to /low");

        // the plan keeps services running over their allowance (here 0 GB): bytes are counted, nothing stops
        Await.until(
                "bytes sent to be accounted",
                Duration.ofSeconds(30),
                () -> dj.get("/services/" + service + "/stats")
                                .body()
                                .at("/history/transferBytesThisMonth")
                                .asLong()
                        > 0);
        int samples = dj.get("/services/" + service + "/stats")
                .body()
                .at("/history/samples")
                .size();
        Await.until(
                "two more collector passes",
                Duration.ofSeconds(30),
                () -> dj.get("/services/" + service + "/stats")
                                .body()
                                .at("/history/samples")
                                .size()
                        >= samples + 2);
        JsonNode running = dj.get("/services/" + service).body();
        assertFalse(running.get("suspended").asBoolean(), "the plan says: do not suspend over the transfer allowance");
        assertEquals("RUNNING", running.get("state").asText());

        // a 192 kbit/s source on a 64 kbit/s service is cut, with the reason in the history
        Process loud = ffmpeg(source + "/live", "192k");
        try {
            assertTrue(loud.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the loud source was disconnected");
            String events = dj.get("/services/" + service + "/events").body().toString();
            assertTrue(
                    events.contains("source on /live disconnected") && events.contains("limit of 64 kbit/s"), events);
            assertTrue(encoder.isAlive(), "the 48 kbit/s source within the limit stays connected");
        } finally {
            loud.destroyForcibly();
        }
        listener.disconnect();
        long delete = admin.post("/services/" + service + "/actions", Map.of("action", "delete"))
                .expect(202)
                .id();
        Await.until(
                "the service to be deleted",
                Duration.ofSeconds(30),
                () -> "SUCCEEDED"
                        .equals(admin.get("/actions/" + delete)
                                .body()
                                .get("status")
                                .asText()));
        assertFalse(portOpen(port), "the port is closed once deleted");
    }

    private static Process ffmpeg(String url, String bitrate) throws IOException {
        return new ProcessBuilder(
                        "ffmpeg",
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-re",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440",
                        "-ac",
                        "1",
                        "-ar",
                        "44100",
                        "-c:a",
                        "libmp3lame",
                        "-b:a",
                        bitrate,
                        "-content_type",
                        "audio/mpeg",
                        "-f",
                        "mp3",
                        url)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static long icecastPid(Panel panel, long service) throws IOException {
        return Long.parseLong(java.nio.file.Files.readAllLines(
                        panel.storage().resolve("services/service_" + service + "/icecast.pid"))
                .get(0));
    }

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
