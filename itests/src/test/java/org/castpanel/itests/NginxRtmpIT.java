/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Await;
import org.castpanel.itests.support.Fixtures;
import org.castpanel.itests.support.Http;
import org.castpanel.itests.support.Media;
import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.WithPanel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Nginx-RTMP engine with real nginx, libnginx-mod-rtmp and ffmpeg: stream keys checked by the
 * publish callback, HLS under the service's public name, RTMP viewers limited by the play
 * callback, key rotation that locks the old key out at once, and a stopped service that refuses
 * publishing.
 */
@WithPanel("h2")
class NginxRtmpIT {

    private final Media media = new Media();

    @AfterEach
    void stopProcesses() throws IOException {
        media.close();
    }

    @Test
    void aCustomerPublishesWithItsKeyAndViewersWatchHls(Panel panel) throws Exception {
        Api api = panel.api();
        Api.As admin = panel.admin();
        Fixtures.Tenant t = Fixtures.tenant(api, admin);
        long service = t.resellerApi()
                .post(
                        "/services",
                        Map.of("ownerId", t.customerId(), "engineType", "nginx-rtmp", "name", "TV", "maxListeners", 1))
                .expect(201)
                .id();
        Api.As owner = t.customerApi();
        String base = "/services/" + service;
        long start = owner.post(base + "/actions", Map.of("action", "start"))
                .expect(202)
                .id();
        Await.until(
                "the service to start",
                Duration.ofSeconds(60),
                () -> "SUCCEEDED".equals(owner.get("/actions/" + start).text("status")));

        JsonNode connection = owner.get(base + "/connection").expect(200).body();
        String key = connection.get("streamKey").asText();
        String ingest = "rtmp://127.0.0.1:" + panel.rtmpPort() + "/ingest/";
        String hls = "http://127.0.0.1:" + panel.hlsPort() + "/hls/service_" + service + "/index.m3u8";
        assertEquals(
                "rtmp://localhost:" + panel.rtmpPort() + "/ingest/" + key,
                connection.get("publishUrl").asText());
        assertFalse(connection.get("hlsUrl").asText().contains(key), "viewers never see the key");
        assertEquals(
                404,
                Fixtures.tenant(api, admin)
                        .resellerApi()
                        .get(base + "/connection")
                        .status());

        Process wrong = media.publish(ingest + service + "-not-the-key");
        assertTrue(wrong.waitFor(30, TimeUnit.SECONDS) && wrong.exitValue() != 0, "a wrong key is refused");

        media.publish(ingest + key);
        Await.until(
                "the encoder to be seen publishing",
                Duration.ofSeconds(30),
                () -> owner.get(base + "/stats")
                        .body()
                        .at("/current/sample/sourceConnected")
                        .asBoolean());

        // RTMP players: the limit of 1 viewer is enforced by the play callback
        String rtmpPlay = "rtmp://127.0.0.1:" + panel.rtmpPort() + "/live/service_" + service;
        Process viewer = media.play(rtmpPlay, 60);
        Await.until(
                "the RTMP viewer to be counted",
                Duration.ofSeconds(30),
                () -> owner.get(base + "/stats")
                                .body()
                                .at("/current/sample/listeners")
                                .asInt()
                        == 1);
        Process second = media.play(rtmpPlay, 60);
        assertTrue(second.waitFor(30, TimeUnit.SECONDS) && second.exitValue() != 0, "viewer 2 of 1 is refused");
        assertEquals(
                "rtmp",
                owner.get(base + "/listeners").expect(200).body().at("/0/mount").asText());
        viewer.destroyForcibly().waitFor();

        // HLS: the playlist and a segment under the public name
        Await.until("the HLS playlist", Duration.ofSeconds(30), () -> Http.status(hls) == 200);
        String playlist = fetch(hls);
        String segment = playlist.lines()
                .filter(l -> l.endsWith(".ts"))
                .reduce((a, b) -> b)
                .orElseThrow();
        byte[] video = fetchBytes(hls.replace("index.m3u8", segment));
        assertTrue(video.length > 1000 && video[0] == 0x47, "an MPEG-TS segment (sync byte 0x47)");
        Await.until(
                "the HLS viewer to be counted",
                Duration.ofSeconds(30),
                () -> owner.get(base + "/listeners").body().toString().contains("\"hls\""));
        Await.until(
                "bytes served to be accounted",
                Duration.ofSeconds(30),
                () -> owner.get(base + "/stats")
                                .body()
                                .at("/history/transferBytesThisMonth")
                                .asLong()
                        > 0);

        // rotating the key: the encoder on the old key is dropped, the old key is refused, the new one works
        owner.patch(base, Map.of("config", Map.of("keyGeneration", 2))).expect(200);
        String newKey = owner.get(base + "/connection").body().get("streamKey").asText();
        assertNotEquals(key, newKey);
        Await.until(
                "the reload to finish",
                Duration.ofSeconds(30),
                () -> owner.get(base + "/actions")
                        .body()
                        .at("/items/0/status")
                        .asText()
                        .equals("SUCCEEDED"));
        Process old = media.publish(ingest + key);
        assertTrue(old.waitFor(30, TimeUnit.SECONDS) && old.exitValue() != 0, "the rotated-away key is refused");
        assertTrue(owner.get(base + "/events").body().toString().contains("old key was disconnected"));
        // like a real encoder, it reconnects if its first try races nginx still dropping the old relay, and gives
        // up on a try that has not got through within its connect timeout
        Process[] fresh = {media.publish(ingest + newKey)};
        long[] tryStarted = {System.nanoTime()};
        int[] tries = {1};
        Await.until(
                "the new key to publish",
                Duration.ofSeconds(45),
                () -> {
                    boolean connected = owner.get(base + "/stats")
                            .body()
                            .at("/current/sample/sourceConnected")
                            .asBoolean();
                    if (!connected && (!fresh[0].isAlive() || System.nanoTime() - tryStarted[0] > 10_000_000_000L)) {
                        fresh[0].destroyForcibly();
                        try {
                            fresh[0] = media.publish(ingest + newKey);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        tryStarted[0] = System.nanoTime();
                        tries[0]++;
                    }
                    return connected;
                },
                () -> "after " + tries[0] + " tries; events: "
                        + owner.get(base + "/events").body() + "; nginx: "
                        + tail(panel.storage().resolve("engines/nginx-rtmp/error.log")));

        // a stopped service refuses publishing and drops its encoder
        long stop = owner.post(base + "/actions", Map.of("action", "stop"))
                .expect(202)
                .id();
        Await.until(
                "the service to stop",
                Duration.ofSeconds(30),
                () -> "SUCCEEDED".equals(owner.get("/actions/" + stop).text("status")));
        assertTrue(fresh[0].waitFor(30, TimeUnit.SECONDS), "the encoder was disconnected by the stop");
        Process refused = media.publish(ingest + newKey);
        assertTrue(refused.waitFor(30, TimeUnit.SECONDS) && refused.exitValue() != 0, "a stopped service refuses");

        assertEquals(
                422, owner.post(base + "/actions", Map.of("action", "delete")).status(), "video delete needs confirm");
        long delete = owner.post(base + "/actions", Map.of("action", "delete", "confirm", true))
                .expect(202)
                .id();
        Await.until(
                "the service to be deleted",
                Duration.ofSeconds(30),
                () -> "SUCCEEDED".equals(admin.get("/actions/" + delete).text("status")));
        assertEquals(404, Http.status(hls), "its HLS files went with it");
    }

    /**
     * A recording lands in the service's recordings (listed, downloadable, deletable), and the stream
     * is pushed to a restreaming target: here a second, plain nginx-rtmp the test starts.
     */
    @Test
    void broadcastsAreRecordedAndRestreamed(Panel panel) throws Exception {
        Media.Sink sink = media.sink();
        try {
            Api.As admin = panel.admin();
            Fixtures.Tenant t = Fixtures.tenant(panel.api(), admin);
            long service = t.resellerApi()
                    .post(
                            "/services",
                            Map.of(
                                    "ownerId",
                                    t.customerId(),
                                    "engineType",
                                    "nginx-rtmp",
                                    "maxListeners",
                                    5,
                                    "diskQuotaMb",
                                    100,
                                    "config",
                                    Map.of("record", true, "pushUrl1", sink.rtmp(), "pushKey1", "from-castpanel")))
                    .expect(201)
                    .id();
            Api.As owner = t.customerApi();
            String base = "/services/" + service;
            assertFalse(owner.get(base).body().get("config").has("pushKey1"), "the restream key is never shown back");
            long start = owner.post(base + "/actions", Map.of("action", "start"))
                    .expect(202)
                    .id();
            Await.until(
                    "the service to start",
                    Duration.ofSeconds(60),
                    () -> "SUCCEEDED".equals(owner.get("/actions/" + start).text("status")));
            String key = owner.get(base + "/connection").body().get("streamKey").asText();

            Process encoder = media.start(
                    "ffmpeg",
                    "-nostdin",
                    "-hide_banner",
                    "-loglevel",
                    "error",
                    "-re",
                    "-f",
                    "lavfi",
                    "-i",
                    "testsrc=size=320x240:rate=25",
                    "-f",
                    "lavfi",
                    "-i",
                    "sine=frequency=440",
                    "-c:v",
                    "libx264",
                    "-preset",
                    "ultrafast",
                    "-g",
                    "25",
                    "-c:a",
                    "aac",
                    "-t",
                    "8",
                    "-f",
                    "flv",
                    "rtmp://127.0.0.1:" + panel.rtmpPort() + "/ingest/" + key);
            Await.until("the target to receive the stream", Duration.ofSeconds(30), () -> sink.has("from-castpanel"));
            JsonNode sample = owner.get(base + "/stats").body().at("/current/sample");
            assertEquals(0, sample.get("listeners").asInt(), "the restreaming copy is not a viewer: " + sample);
            assertTrue(encoder.waitFor(60, TimeUnit.SECONDS), "the 8 s broadcast ends");
            String hls = "http://127.0.0.1:" + panel.hlsPort() + "/hls/service_" + service + "/index.m3u8";
            Await.until(
                    "the HLS files to be cleaned up after the broadcast",
                    Duration.ofSeconds(30),
                    () -> Http.status(hls) == 404);
            Await.until(
                    "the recording to be saved",
                    Duration.ofSeconds(30),
                    () -> owner.get(base + "/recordings").body().size() == 1);
            Await.until(
                    "the push to stop with the broadcast", Duration.ofSeconds(30), () -> !sink.has("from-castpanel"));

            JsonNode recording =
                    owner.get(base + "/recordings").expect(200).body().get(0);
            String name = recording.get("name").asText();
            assertTrue(name.endsWith(".flv") && recording.get("sizeBytes").asLong() > 10_000, recording.toString());
            byte[] file = fetchBytes(panel.api().base() + base + "/recordings/" + name, owner.token());
            assertEquals(recording.get("sizeBytes").asLong(), file.length);
            assertEquals("FLV", new String(file, 0, 3, StandardCharsets.US_ASCII), "a playable FLV file");
            String events = owner.get(base + "/events").body().toString();
            assertTrue(
                    events.contains("restreaming to 1 target(s) started") && events.contains("recording saved"),
                    events);

            assertEquals(
                    404,
                    owner.get(base + "/recordings/..%2F..%2Fengines%2Fnginx-rtmp%2Fsecret")
                            .status());
            assertEquals(
                    404,
                    Fixtures.tenant(panel.api(), admin)
                            .resellerApi()
                            .get(base + "/recordings")
                            .status());
            assertEquals(204, owner.delete(base + "/recordings/" + name).status());
            assertEquals(0, owner.get(base + "/recordings").body().size());
            long delete = owner.post(base + "/actions", Map.of("action", "delete", "confirm", true))
                    .expect(202)
                    .id();
            Await.until(
                    "the service to be deleted",
                    Duration.ofSeconds(30),
                    () -> "SUCCEEDED".equals(admin.get("/actions/" + delete).text("status")));
        } finally {
            media.close();
        }
    }

    @Test
    void anEncoderOverTheBitrateLimitIsDisconnected(Panel panel) throws Exception {
        Api.As admin = panel.admin();
        Fixtures.Tenant t = Fixtures.tenant(panel.api(), admin);
        long service = t.resellerApi()
                .post(
                        "/services",
                        Map.of(
                                "ownerId",
                                t.customerId(),
                                "engineType",
                                "nginx-rtmp",
                                "maxListeners",
                                5,
                                "maxBitrateKbps",
                                300))
                .expect(201)
                .id();
        Api.As owner = t.customerApi();
        String base = "/services/" + service;
        long start = owner.post(base + "/actions", Map.of("action", "start"))
                .expect(202)
                .id();
        Await.until(
                "the service to start",
                Duration.ofSeconds(60),
                () -> "SUCCEEDED".equals(owner.get("/actions/" + start).text("status")));
        String key = owner.get(base + "/connection").body().get("streamKey").asText();
        Process loud = media.start(
                "ffmpeg",
                "-nostdin",
                "-hide_banner",
                "-loglevel",
                "error",
                "-re",
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=320x240:rate=25",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-g",
                "25",
                "-b:v",
                "2000k",
                "-minrate",
                "2000k",
                "-maxrate",
                "2000k",
                "-bufsize",
                "1000k",
                "-x264-params",
                "nal-hrd=cbr",
                "-c:a",
                "aac",
                "-t",
                "90",
                "-f",
                "flv",
                "rtmp://127.0.0.1:" + panel.rtmpPort() + "/ingest/" + key);
        assertTrue(loud.waitFor(60, TimeUnit.SECONDS), "a 2,000 kbit/s encoder on a 300 kbit/s service is cut");
        String events = owner.get(base + "/events").body().toString();
        assertTrue(events.contains("encoder disconnected") && events.contains("limit of 300 kbit/s"), events);
        long delete = owner.post(base + "/actions", Map.of("action", "delete", "confirm", true))
                .expect(202)
                .id();
        Await.until(
                "the service to be deleted",
                Duration.ofSeconds(30),
                () -> "SUCCEEDED".equals(admin.get("/actions/" + delete).text("status")));
    }

    /** The body, or "" when it cannot be fetched now. */
    private static String text(String url) {
        try {
            return fetch(url);
        } catch (IOException e) {
            return "";
        }
    }

    private static String fetch(String url) throws IOException {
        return new String(fetchBytes(url), StandardCharsets.UTF_8);
    }

    private static byte[] fetchBytes(String url) throws IOException {
        return fetchBytes(url, null);
    }

    private static byte[] fetchBytes(String url, String token) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        if (token != null) {
            connection.setRequestProperty("Authorization", "Bearer " + token);
        }
        connection.setReadTimeout(5000);
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** The end of a log file, for a failure message. */
    private static String tail(java.nio.file.Path log) {
        try {
            String text = java.nio.file.Files.readString(log);
            return text.substring(Math.max(0, text.length() - 3000));
        } catch (IOException e) {
            return "(" + log + ": " + e + ")";
        }
    }
}
