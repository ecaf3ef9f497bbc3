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

        long service = admin.post("/services", Map.of("ownerId", customerId, "engineType", "icecast", "maxListeners", 1,
                "name", "Radio </name> & Co", "config", Map.of("mount", "/live", "genre", "<b>jazz</b>"))).expect(201).id();
        long start = dj.post("/services/" + service + "/actions", Map.of("action", "start")).expect(202).id();
        Await.until("icecast to start", Duration.ofSeconds(60),
                () -> "SUCCEEDED".equals(dj.get("/actions/" + start).body().get("status").asText()));

        JsonNode connection = dj.get("/services/" + service + "/connection").expect(200).body();
        int port = connection.get("port").asInt();
        assertEquals("/live", connection.get("mount").asText());
        String listenUrl = "http://127.0.0.1:" + port + "/live";
        String encoderUrl = "icecast://source:" + connection.get("sourcePassword").asText() + "@127.0.0.1:" + port + "/live";
        Fixtures.Tenant other = Fixtures.tenant(api, admin);
        assertEquals(404, other.resellerApi().get("/services/" + service + "/connection").status(),
                "another tenant never sees the source password");

        encoder = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i",
                "sine=frequency=440", "-ac", "2", "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "128k",
                "-content_type", "audio/mpeg", "-f", "mp3", encoderUrl).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Await.until("the source to connect", Duration.ofSeconds(20),
                () -> dj.get("/services/" + service + "/stats").body().at("/current/sample/sourceConnected").asBoolean());

        HttpURLConnection listener = (HttpURLConnection) new URL(listenUrl).openConnection();
        listener.setReadTimeout(10_000);
        InputStream audio = listener.getInputStream();
        assertEquals(200, listener.getResponseCode());
        assertTrue(audio.readNBytes(16_384).length == 16_384, "the listener receives audio");
        Await.until("the listener to be counted", Duration.ofSeconds(20),
                () -> dj.get("/services/" + service + "/stats").body().at("/current/sample/listeners").asInt() == 1);
        JsonNode listeners = dj.get("/services/" + service + "/listeners").expect(200).body();
        assertEquals(1, listeners.size(), listeners.toString());
        assertEquals("127.0.0.1", listeners.at("/0/address").asText());
        Await.until("the collector to account bytes sent", Duration.ofSeconds(20), () -> {
            JsonNode history = dj.get("/services/" + service + "/stats").body().get("history");
            return history.get("samples").size() >= 2 && history.get("transferBytesThisMonth").asLong() > 0;
        });

        HttpURLConnection second = (HttpURLConnection) new URL(listenUrl).openConnection();
        second.setReadTimeout(5_000);
        assertTrue(second.getResponseCode() >= 400, "max listeners 1: the second listener is refused");
        second.disconnect();

        long icecastPid = Long.parseLong(java.nio.file.Files
                .readAllLines(panel.storage().resolve("services/service_" + service + "/icecast.pid")).get(0));
        AtomicLong received = new AtomicLong();
        panel.killAndRestart();
        assertTrue(ProcessHandle.of(icecastPid).map(ProcessHandle::isAlive).orElse(false), "icecast outlived the panel");
        for (int i = 0; i < 4; i++) {
            received.addAndGet(audio.readNBytes(8_192).length);
        }
        assertEquals(4 * 8_192, received.get(), "the listener kept receiving through the panel crash");
        Api.As adminAgain = panel.admin();
        Await.until("the restarted panel to see the service running", Duration.ofSeconds(30),
                () -> "RUNNING".equals(adminAgain.get("/services/" + service).text("state")));
        JsonNode after = adminAgain.get("/services/" + service + "/stats").body().at("/current/sample");
        assertTrue(after.get("sourceConnected").asBoolean(), "the encoder is still connected after the crash: " + after);
        assertEquals(1, after.get("listeners").asInt(), "the listener is still connected after the crash: " + after);
        assertEquals(icecastPid, Long.parseLong(java.nio.file.Files
                .readAllLines(panel.storage().resolve("services/service_" + service + "/icecast.pid")).get(0)),
                "the panel adopted the running icecast instead of starting another");
        listener.disconnect();
        encoder.destroyForcibly();

        // a crashed icecast comes back through the reconciler, and the service's history says so
        ProcessHandle.of(icecastPid).orElseThrow().destroyForcibly();
        Await.until("the reconciler to restart icecast", Duration.ofSeconds(40), () -> {
            try {
                long pid = Long.parseLong(java.nio.file.Files
                        .readAllLines(panel.storage().resolve("services/service_" + service + "/icecast.pid")).get(0));
                return pid != icecastPid && portOpen(port);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
        assertTrue(adminAgain.get("/services/" + service + "/events").body().toString().contains("restarting"));

        // an allowance of 0 GB is used up: the collector suspends the service, which stops it
        adminAgain.patch("/services/" + service, Map.of("dataTransferGb", 0)).expect(200);
        Await.until("the service to be suspended and stopped", Duration.ofSeconds(30), () -> {
            JsonNode s = adminAgain.get("/services/" + service).body();
            return s.get("suspended").asBoolean() && "STOPPED".equals(s.get("state").asText());
        });
        assertTrue(adminAgain.get("/services/" + service + "/events").body().toString().contains("data transfer"));
        assertFalse(portOpen(port), "the port is closed once stopped");
        long delete = adminAgain.post("/services/" + service + "/actions", Map.of("action", "delete")).expect(202).id();
        Await.until("the service to be deleted", Duration.ofSeconds(30),
                () -> "SUCCEEDED".equals(adminAgain.get("/actions/" + delete).body().get("status").asText()));
    }

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
