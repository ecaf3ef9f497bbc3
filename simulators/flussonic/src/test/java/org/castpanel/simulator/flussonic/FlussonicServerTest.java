/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.simulator.flussonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.castpanel.engine.testkit.TestMedia;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** The simulator against Flussonic's documented API and authorization backend, with real media. */
class FlussonicServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/streamer/api/v3/streams";
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();
    private final TestMedia media = new TestMedia();

    @AfterEach
    void cleanUp() throws Exception {
        media.close();
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private FlussonicServer server() throws IOException {
        Path dir = Files.createTempDirectory("flussonic-sim");
        folders.add(dir);
        FlussonicServer server = FlussonicServer.start(FlussonicServer.Options.of(
                dir, TestMedia.freePort(), TestMedia.freePort(), TestMedia.freePort(), "flussonic", "edit-pass"));
        opened.add(server);
        return server;
    }

    private static final String TOKEN =
            Base64.getEncoder().encodeToString("flussonic:edit-pass".getBytes(StandardCharsets.UTF_8));

    private record Answer(int status, JsonNode body) {}

    private Answer call(FlussonicServer server, String method, String path, Object body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.options().httpPort() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(
                                body instanceof String s ? s : JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(), response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body()));
    }

    private Answer api(FlussonicServer server, String method, String path, Object body) throws Exception {
        return call(server, method, path, body, "Basic " + TOKEN);
    }

    @Test
    void basicAndBearerAuthenticationAdmitOnlyTheEditUser() throws Exception {
        FlussonicServer server = server();
        assertEquals(401, call(server, "GET", API, null, null).status());
        assertEquals(
                401,
                call(server, "GET", API, null, "Basic " + Base64.getEncoder().encodeToString("flussonic:x".getBytes()))
                        .status());
        assertEquals(200, call(server, "GET", API, null, "Basic " + TOKEN).status());
        assertEquals(200, call(server, "GET", API, null, "Bearer " + TOKEN).status());
    }

    @Test
    void putIsAnUpsertWherePartialBodiesKeepTheRestAndNullTurnsAFeatureOff() throws Exception {
        FlussonicServer server = server();
        Answer created = api(
                server,
                "PUT",
                API + "/cam1",
                Map.of(
                        "title", "Cam 1",
                        "inputs", List.of(Map.of("url", "publish://")),
                        "dvr", Map.of("expiration", 3600, "storage_limit", 1000000)));
        assertEquals(200, created.status(), created.body().toString());
        assertEquals("waiting", created.body().at("/stats/status").asText());
        Answer partial = api(server, "PUT", API + "/cam1", Map.of("title", "Camera one"));
        assertEquals("Camera one", partial.body().get("title").asText());
        assertEquals(3600, partial.body().at("/dvr/expiration").asInt(), "a partial PUT keeps what it does not name");
        Map<String, Object> off = new HashMap<>();
        off.put("dvr", null);
        assertFalse(api(server, "PUT", API + "/cam1", off).body().has("dvr"), "null turns DVR off");

        Answer shell =
                api(server, "PUT", API + "/cam2", Map.of("inputs", List.of(Map.of("url", "rtsp://cam/x;rm -rf /"))));
        assertEquals(400, shell.status());
        assertTrue(
                shell.body().at("/errors/0/title").asText().contains("inputs"),
                shell.body().toString());
        assertEquals(400, api(server, "PUT", API + "/cam2", "{nope").status());
        assertEquals(
                400,
                api(server, "PUT", API + "/bad%20name", Map.of("title", "x")).status());
        assertEquals(
                400,
                api(server, "PUT", API + "/cam2", Map.of("dvr", Map.of("expiration", -1)))
                        .status());
        assertEquals(List.of("cam1"), server.streamNames(), "nothing refused was kept");

        for (int i = 0; i < 4; i++) {
            api(server, "PUT", API + "/s" + i, Map.of("inputs", List.of(Map.of("url", "publish://"))));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Answer page = api(server, "GET", API + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), null);
            assertEquals(5, page.body().get("estimated_count").asInt());
            page.body().get("streams").forEach(s -> seen.add(s.get("name").asText()));
            cursor = page.body().get("next").isNull()
                    ? null
                    : page.body().get("next").asText();
            pages++;
        } while (cursor != null);
        assertEquals(List.of("cam1", "s0", "s1", "s2", "s3"), seen);
        assertEquals(3, pages);
        assertEquals(400, api(server, "GET", API + "?cursor=not*a*cursor", null).status());

        assertEquals(204, api(server, "DELETE", API + "/cam1", null).status());
        assertEquals(404, api(server, "DELETE", API + "/cam1", null).status());
        assertEquals(404, api(server, "GET", API + "/cam1", null).status());
    }

    /** The authorization backend of a test: allows the token "good", caps sessions at one, records every call. */
    private String backend(List<Map<String, String>> calls) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", exchange -> {
            Map<String, String> params = new HashMap<>();
            for (String pair :
                    String.valueOf(exchange.getRequestURI().getRawQuery()).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(
                            pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            params.put("event", exchange.getRequestURI().getPath());
            calls.add(params);
            boolean good = "good".equals(params.get("token"));
            exchange.getResponseHeaders().set("X-Max-Sessions", "1");
            exchange.sendResponseHeaders(good ? 200 : 403, -1);
            exchange.close();
        });
        server.start();
        opened.add(() -> server.stop(0));
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private HttpResponse<String> get(String url, String userAgent) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("User-Agent", userAgent)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean alive(FlussonicServer server, String name) {
        try {
            return api(server, "GET", API + "/" + name, null)
                    .body()
                    .at("/stats/alive")
                    .asBoolean();
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Publishes and viewers are the backend's to allow: a wrong token is refused, the right one
     * goes live; HLS at /{name}/index.m3u8 opens a session the backend sees (id, ip, proto, user
     * agent), X-Max-Sessions refuses the next viewer; pushes restream, pulled inputs play, stop
     * kicks the publisher and a disabled stream takes none.
     */
    @Test
    void publishesAndViewersAreAuthorizedByTheBackendAndMediaFlows() throws Exception {
        FlussonicServer server = server();
        FlussonicServer origin = server();
        List<Map<String, String>> calls = new CopyOnWriteArrayList<>();
        String hooks = backend(calls);
        api(origin, "PUT", API + "/mirror", Map.of("inputs", List.of(Map.of("url", "publish://"))));
        api(
                server,
                "PUT",
                API + "/live1",
                Map.of(
                        "inputs", List.of(Map.of("url", "publish://")),
                        "on_publish", Map.of("url", hooks + "/publish"),
                        "on_play", Map.of("url", hooks + "/play"),
                        "pushes",
                                List.of(Map.of(
                                        "url",
                                        "rtmp://127.0.0.1:" + origin.options().rtmpPort() + "/static/mirror"))));
        String rtmp = "rtmp://127.0.0.1:" + server.options().rtmpPort() + "/static/live1";

        Process refused = media.publish(rtmp + "?token=bad", 300);
        assertTrue(refused.waitFor(30, TimeUnit.SECONDS));
        assertNotEquals(0, refused.exitValue(), "the backend refused the token");
        assertEquals("bad", calls.get(0).get("token"));
        assertEquals("rtmp", calls.get(0).get("proto"));
        assertEquals("live1", calls.get(0).get("name"));

        Process encoder = media.publish(rtmp + "?token=good", 300);
        TestMedia.await("the stream to be alive with a bitrate", () -> {
            try {
                return alive(server, "live1")
                        && api(server, "GET", API + "/live1", null)
                                        .body()
                                        .at("/stats/bitrate")
                                        .asInt()
                                > 0;
            } catch (Exception e) {
                return false;
            }
        });
        JsonNode stats = api(server, "GET", API + "/live1", null).body().get("stats");
        assertEquals("running", stats.get("status").asText());
        assertTrue(stats.get("bitrate").asInt() > 0, stats.toString());
        TestMedia.await("the push to reach the other server", () -> alive(origin, "mirror"));

        String hls = "http://127.0.0.1:" + server.options().httpPort() + "/live1/index.m3u8?token=good";
        TestMedia.await("HLS to play", () -> get(hls, "TestPlayer/1.0").body().contains(".ts"));
        Map<String, String> play = calls.stream()
                .filter(c -> c.get("event").equals("/play"))
                .findFirst()
                .orElseThrow();
        assertEquals("hls", play.get("proto"));
        assertEquals("127.0.0.1", play.get("ip"));
        assertEquals("new_session", play.get("request_type"));
        assertEquals("TestPlayer/1.0", play.get("user_agent"));
        assertFalse(play.get("session_id").isEmpty());
        String segment = get(hls, "TestPlayer/1.0")
                .body()
                .lines()
                .filter(l -> l.endsWith(".ts"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                200, get(hls.replace("index.m3u8", segment), "TestPlayer/1.0").statusCode());
        assertEquals(
                1,
                api(server, "GET", API + "/live1", null)
                        .body()
                        .at("/stats/online_clients")
                        .asInt());
        Process viewer = media.play(rtmp + "?token=good", 2);
        assertTrue(viewer.waitFor(30, TimeUnit.SECONDS));
        assertNotEquals(0, viewer.exitValue(), "X-Max-Sessions: 1 refuses the second viewer");
        assertTrue(api(server, "GET", API + "/live1", null)
                        .body()
                        .at("/stats/bytes_out")
                        .asLong()
                > 0);

        // a pulled input: the origin's stream, played here
        api(
                server,
                "PUT",
                API + "/relay1",
                Map.of(
                        "inputs",
                        List.of(Map.of(
                                "url", "rtmp://127.0.0.1:" + origin.options().rtmpPort() + "/static/mirror"))));
        TestMedia.await("the pulled stream to be alive", () -> alive(server, "relay1"));

        assertEquals(204, api(server, "POST", API + "/live1/stop", null).status());
        assertTrue(encoder.waitFor(30, TimeUnit.SECONDS), "stop kicks the publisher");
        api(server, "PUT", API + "/live1", Map.of("disabled", true));
        Process afterDisable = media.publish(rtmp + "?token=good", 300);
        assertTrue(afterDisable.waitFor(30, TimeUnit.SECONDS));
        assertNotEquals(0, afterDisable.exitValue(), "a disabled stream takes no publisher");
        assertEquals(404, get(hls, "TestPlayer/1.0").statusCode());
    }

    /** An RTMP viewer is asked about again after X-AuthDuration (update_session) and dropped when the backend says no. */
    @Test
    void rtmpViewersAreAskedAboutAgainAndDroppedWhenRefused() throws Exception {
        FlussonicServer server = server();
        java.util.concurrent.atomic.AtomicBoolean allow = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<String> types = new CopyOnWriteArrayList<>();
        HttpServer backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        backend.createContext("/", exchange -> {
            String query = String.valueOf(exchange.getRequestURI().getRawQuery());
            if (exchange.getRequestURI().getPath().equals("/play")) {
                types.add(query.replaceAll(".*request_type=([a-z_]+).*", "$1"));
            }
            exchange.getResponseHeaders().set("X-AuthDuration", "1");
            exchange.sendResponseHeaders(
                    allow.get() || !exchange.getRequestURI().getPath().equals("/play") ? 200 : 403, -1);
            exchange.close();
        });
        backend.start();
        opened.add(() -> backend.stop(0));
        String hooks = "http://127.0.0.1:" + backend.getAddress().getPort();
        api(
                server,
                "PUT",
                API + "/watched",
                Map.of(
                        "inputs", List.of(Map.of("url", "publish://")),
                        "on_publish", Map.of("url", hooks + "/publish"),
                        "on_play", Map.of("url", hooks + "/play")));
        String rtmp = "rtmp://127.0.0.1:" + server.options().rtmpPort() + "/static/watched";
        media.publish(rtmp, 300);
        TestMedia.await("the stream to be alive", () -> alive(server, "watched"));
        Process viewer = media.play(rtmp, 60);
        TestMedia.await("the viewer to be asked about again", () -> types.contains("update_session"));
        assertTrue(viewer.isAlive(), "an allowed viewer keeps watching");
        allow.set(false);
        assertTrue(viewer.waitFor(30, TimeUnit.SECONDS), "a viewer the backend refuses is dropped");
        assertEquals("new_session", types.get(0));
    }
}
