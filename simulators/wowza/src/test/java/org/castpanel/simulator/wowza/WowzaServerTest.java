/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.simulator.wowza;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.castpanel.engine.testkit.TestMedia;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The simulator against Wowza's documented REST behaviour, with real media through its nginx. */
class WowzaServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPS = "/v2/servers/_defaultServer_/vhosts/_defaultVHost_/applications";
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> opened = new java.util.ArrayList<>();
    private final List<Path> folders = new java.util.ArrayList<>();

    private final TestMedia encoders = new TestMedia();

    @AfterEach
    void cleanUp() throws Exception {
        encoders.close();
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private WowzaServer server(boolean digest) throws IOException {
        Path dir = Files.createTempDirectory("wowza-sim");
        folders.add(dir);
        WowzaServer server = WowzaServer.start(WowzaServer.Options.of(
                dir,
                TestMedia.freePort(),
                TestMedia.freePort(),
                TestMedia.freePort(),
                TestMedia.freePort(),
                "admin",
                "s3cret",
                digest));
        opened.add(server);
        return server;
    }

    private record Answer(int status, JsonNode body, java.net.http.HttpHeaders headers) {}

    private Answer call(WowzaServer server, String method, String path, Object body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.options().restPort() + path))
                .header("Accept", "application/json; charset=utf-8");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json; charset=utf-8");
            request.method(
                    method,
                    HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), parsed, response.headers());
    }

    private Answer basic(WowzaServer server, String method, String path, Object body) throws Exception {
        return call(server, method, path, body, basicHeader("admin", "s3cret"));
    }

    private static String basicHeader(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Object liveApp(String name, int maxViewers, boolean requirePassword) {
        return java.util.Map.of(
                "name",
                name,
                "appType",
                "Live",
                "description",
                "a test application",
                "streamConfig",
                java.util.Map.of("streamType", "live"),
                "securityConfig",
                java.util.Map.of(
                        "publishRequirePassword",
                        requirePassword,
                        "publishAuthenticationMethod",
                        "digest",
                        "playMaximumConnections",
                        maxViewers));
    }

    @Test
    void basicAuthenticationAdmitsOnlyTheRestUser() throws Exception {
        WowzaServer server = server(false);
        Answer none = call(server, "GET", APPS, null, null);
        assertEquals(401, none.status());
        assertEquals(
                "Basic realm=\"Wowza\"",
                none.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals(
                401,
                call(server, "GET", APPS, null, basicHeader("admin", "wrong")).status());
        Answer ok = basic(server, "GET", APPS, null);
        assertEquals(200, ok.status());
        assertEquals("_defaultServer_", ok.body().get("serverName").asText());
        assertEquals(0, ok.body().get("applications").size());
    }

    @Test
    void digestAuthenticationFollowsRfc2617() throws Exception {
        WowzaServer server = server(true);
        Answer challenge = call(server, "GET", APPS, null, null);
        assertEquals(401, challenge.status());
        String header = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(header.startsWith("Digest ") && header.contains("qop=\"auth\""), header);
        Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(header);
        assertTrue(nonce.find());
        assertEquals(
                200,
                call(server, "GET", APPS, null, digest("s3cret", nonce.group(1), "GET", APPS))
                        .status());
        assertEquals(
                401,
                call(server, "GET", APPS, null, digest("wrong", nonce.group(1), "GET", APPS))
                        .status());
        assertEquals(
                401,
                call(server, "GET", APPS, null, digest("s3cret", "a-nonce-it-never-gave", "GET", APPS))
                        .status());
        assertEquals(
                401,
                call(server, "GET", APPS, null, basicHeader("admin", "s3cret")).status(),
                "basic is off");
    }

    private static String digest(String password, String nonce, String method, String uri) {
        String ha1 = RestAuth.md5("admin:Wowza:" + password);
        String ha2 = RestAuth.md5(method + ":" + uri);
        String response = RestAuth.md5(ha1 + ":" + nonce + ":00000001:abcdef:auth:" + ha2);
        return "Digest username=\"admin\", realm=\"Wowza\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", qop=auth, nc=00000001, cnonce=\"abcdef\", response=\"" + response + "\"";
    }

    @Test
    void applicationsAreCreatedOnceUpdatedAndRefusedWhenMalformed() throws Exception {
        WowzaServer server = server(false);
        Answer created = basic(server, "POST", APPS + "/radio1", liveApp("radio1", 5, true));
        assertEquals(201, created.status(), created.body().toString());
        assertTrue(created.body().get("success").asBoolean());
        assertEquals(
                "Application (radio1) created successfully.",
                created.body().get("message").asText());
        assertEquals(
                409,
                basic(server, "POST", APPS + "/radio1", liveApp("radio1", 5, true))
                        .status());
        JsonNode read = basic(server, "GET", APPS + "/radio1", null).body();
        assertEquals("Live", read.get("appType").asText());
        assertEquals(5, read.at("/securityConfig/playMaximumConnections").asInt());
        Answer updated = basic(
                server,
                "PUT",
                APPS + "/radio1",
                java.util.Map.of("securityConfig", java.util.Map.of("playMaximumConnections", 9)));
        assertEquals(200, updated.status());
        JsonNode after = basic(server, "GET", APPS + "/radio1", null).body();
        assertEquals(9, after.at("/securityConfig/playMaximumConnections").asInt());
        assertTrue(after.at("/securityConfig/publishRequirePassword").asBoolean(), "a partial PUT keeps the rest");

        Answer badType = basic(server, "POST", APPS + "/radio2", java.util.Map.of("appType", "Radio"));
        assertEquals(400, badType.status());
        assertTrue(badType.body().get("message").asText().contains("appType"));
        assertEquals(400, basic(server, "POST", APPS + "/radio2", "{not json").status());
        assertEquals(
                400,
                basic(server, "POST", APPS + "/radio2", liveApp("other", 1, true))
                        .status());
        assertEquals(
                400,
                basic(
                                server,
                                "PUT",
                                APPS + "/radio1",
                                java.util.Map.of("securityConfig", java.util.Map.of("playMaximumConnections", -1)))
                        .status());
        assertEquals(
                400,
                basic(server, "POST", APPS + "/bad;name", liveApp("bad;name", 1, true))
                        .status());
        assertEquals(404, basic(server, "GET", APPS + "/radio2", null).status());
        assertEquals(List.of("radio1"), server.applicationNames(), "nothing refused was kept");

        HttpResponse<String> noAccept = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + server.options().restPort() + APPS))
                        .header("Authorization", basicHeader("admin", "s3cret"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(406, noAccept.statusCode(), "the plugin must ask for JSON");

        assertEquals(200, basic(server, "DELETE", APPS + "/radio1", null).status());
        assertEquals(404, basic(server, "DELETE", APPS + "/radio1", null).status());
    }

    @Test
    void publishersAreServerWideAndKeepTheirPasswordsToThemselves() throws Exception {
        WowzaServer server = server(false);
        String publishers = "/v2/servers/_defaultServer_/publishers";
        assertEquals(
                201,
                basic(server, "POST", publishers, java.util.Map.of("name", "pub1", "password", "pw1"))
                        .status());
        assertEquals(
                409,
                basic(server, "POST", publishers, java.util.Map.of("name", "pub1", "password", "pw2"))
                        .status());
        assertEquals(
                400,
                basic(server, "POST", publishers, java.util.Map.of("name", "pub2"))
                        .status());
        JsonNode read = basic(server, "GET", publishers + "/pub1", null).body();
        assertFalse(read.toString().contains("pw1"), read.toString());
        assertEquals(200, basic(server, "DELETE", publishers + "/pub1", null).status());
        assertEquals(404, basic(server, "GET", publishers + "/pub1", null).status());
    }

    /**
     * Real media: an encoder with the publisher's credentials is let in and one without is not,
     * HLS plays at Wowza's URL shape and counts as CUPERTINO, a viewer over the application's
     * maximum is refused, a map entry pushes the stream to another server, disconnectStream cuts
     * the encoder, and a shut-down application takes no more encoders.
     */
    @Test
    void mediaFlowsThroughTheApplicationAsItsSettingsSay() throws Exception {
        WowzaServer server = server(false);
        WowzaServer destination = server(false);
        String publishers = "/v2/servers/_defaultServer_/publishers";
        basic(server, "POST", APPS + "/tv", liveApp("tv", 1, true));
        basic(server, "POST", publishers, java.util.Map.of("name", "tvpub", "password", "tvpass"));
        basic(destination, "POST", APPS + "/mirror", liveApp("mirror", 0, false));
        assertEquals(
                200,
                basic(destination, "PUT", APPS + "/mirror/actions/restart", null)
                        .status());
        basic(
                server,
                "PUT",
                APPS + "/tv/adv",
                java.util.Map.of(
                        "modules",
                        List.of(java.util.Map.of(
                                "name",
                                "ModulePushPublish",
                                "description",
                                "push publishing",
                                "class",
                                WowzaServer.PUSH_PUBLISH_MODULE,
                                "order",
                                0))));
        Answer entry = basic(
                server,
                "POST",
                APPS + "/tv/pushpublish/mapentries/mirror1",
                java.util.Map.of(
                        "sourceStreamName", "live",
                        "entryName", "mirror1",
                        "profile", "rtmp",
                        "host", "127.0.0.1",
                        "port", destination.options().rtmpPort(),
                        "application", "mirror",
                        "streamName", "copy"));
        assertEquals(201, entry.status(), entry.body().toString());
        assertEquals(
                0,
                basic(server, "GET", APPS + "/tv/instances", null)
                        .body()
                        .get("instanceList")
                        .size(),
                "created, not started");
        assertEquals(
                200, basic(server, "PUT", APPS + "/tv/actions/restart", null).status());
        assertEquals(
                "_definst_",
                basic(server, "GET", APPS + "/tv/instances", null)
                        .body()
                        .at("/instanceList/0/name")
                        .asText());

        String rtmp = "rtmp://127.0.0.1:" + server.options().rtmpPort() + "/tv/live";
        Process refused = encoders.publish(rtmp + "?user=tvpub&pass=wrong", 300);
        assertTrue(refused.waitFor(30, TimeUnit.SECONDS), "a wrong password ends the encoder");
        assertTrue(refused.exitValue() != 0);

        Process encoder = encoders.publish(rtmp + "?user=tvpub&pass=tvpass", 300);
        try {
            String stream = APPS + "/tv/instances/_definst_/incomingstreams/live";
            TestMedia.await("the stream to be connected", () -> {
                try {
                    Answer s = basic(server, "GET", stream, null);
                    return s.status() == 200 && s.body().get("isConnected").asBoolean();
                } catch (Exception e) {
                    return false;
                }
            });
            assertEquals(
                    "127.0.0.1",
                    basic(server, "GET", stream, null).body().get("sourceIp").asText());
            String playlist = "http://127.0.0.1:" + server.options().hlsPort() + "/tv/live/playlist.m3u8";
            TestMedia.await(
                    "HLS to play",
                    () -> get(playlist).statusCode() == 200
                            && get(playlist).body().contains(".ts"));
            String segment = get(playlist)
                    .body()
                    .lines()
                    .filter(l -> l.endsWith(".ts"))
                    .findFirst()
                    .orElseThrow();
            HttpResponse<String> media = get(playlist.replace("playlist.m3u8", segment));
            assertEquals(200, media.statusCode());
            assertTrue(media.body().length() > 1000, "a segment of real video");
            TestMedia.await("the push to reach the other server", () -> {
                try {
                    Answer s =
                            basic(destination, "GET", APPS + "/mirror/instances/_definst_/incomingstreams/copy", null);
                    return s.status() == 200 && s.body().get("isConnected").asBoolean();
                } catch (Exception e) {
                    return false;
                }
            });

            JsonNode monitoring =
                    basic(server, "GET", APPS + "/tv/monitoring/current", null).body();
            assertEquals(1, monitoring.at("/connectionCount/CUPERTINO").asInt(), monitoring.toString());
            assertTrue(monitoring.get("bytesIn").asLong() > 0, monitoring.toString());
            assertTrue(monitoring.get("bytesOut").asLong() >= media.body().length(), monitoring.toString());
            Process viewer = encoders.play(rtmp, 2);
            assertTrue(viewer.waitFor(30, TimeUnit.SECONDS));
            assertTrue(viewer.exitValue() != 0, "one viewer (HLS) is the maximum: an RTMP player is refused");

            assertEquals(
                    200,
                    basic(server, "PUT", stream + "/actions/disconnectStream", null)
                            .status());
            assertTrue(encoder.waitFor(30, TimeUnit.SECONDS), "the encoder was cut");
            TestMedia.await("the stream to be gone", () -> {
                try {
                    Answer s = basic(server, "GET", stream, null);
                    return s.status() == 404 || !s.body().get("isConnected").asBoolean();
                } catch (Exception e) {
                    return false;
                }
            });
        } finally {
            encoder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertEquals(
                200, basic(server, "PUT", APPS + "/tv/actions/shutdown", null).status());
        Process afterShutdown = encoders.publish(rtmp + "?user=tvpub&pass=tvpass", 300);
        assertTrue(afterShutdown.waitFor(30, TimeUnit.SECONDS));
        assertTrue(afterShutdown.exitValue() != 0, "a shut-down application takes no encoder");
    }

    private HttpResponse<String> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
