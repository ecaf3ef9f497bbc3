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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Await;
import org.castpanel.itests.support.Fixtures;
import org.castpanel.itests.support.IcySource;
import org.castpanel.itests.support.Media;
import org.castpanel.itests.support.MediaFiles;
import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.WithPanel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The AutoDJ on the real distribution: a customer's library, a playlist, a real liquidsoap chosen
 * tracks by the panel and feeding a real icecast2, a listener receiving MP3 with the tags of the
 * panel's choice, history and now playing (also public), repeat protection across the tracks.
 */
@WithPanel("h2")
class AutoDjIT {

    private final Media media = new Media();

    @AfterEach
    void stopEncoders() throws IOException {
        media.close();
    }

    /** Short tracks, each by another artist, so several play within the test. */
    private static final String[][] TRACKS = {
        {"one.mp3", "First \"Light\" #{1+1}", "Ann"},
        {"two.mp3", "Second; Wind", "Bob"},
        {"three.mp3", "Third\\Sky", "Cid"},
    };

    private static Api.Reply create(Api.As as, long ownerId, String type, Map<String, Object> config, Long feeds) {
        Map<String, Object> body = new java.util.HashMap<>(
                Map.of("ownerId", ownerId, "engineType", type, "name", Fixtures.unique(type), "config", config));
        if (feeds != null) {
            body.put("attachedTo", feeds);
        }
        return as.post("/services", body);
    }

    private static JsonNode awaitDone(Api.As as, long action) {
        Await.until(
                "action " + action + " to finish",
                Duration.ofSeconds(90),
                () -> !List.of("QUEUED", "RUNNING")
                        .contains(as.get("/actions/" + action)
                                .body()
                                .get("status")
                                .asText()),
                () -> as.get("/actions/" + action).raw());
        return as.get("/actions/" + action).body();
    }

    @Test
    void aCustomersAutoDjPlaysItsLibraryThroughIcecastWithRepeatProtectionAndNowPlaying(Panel panel) throws Exception {
        Api api = panel.api();
        Api.As admin = panel.admin();
        String customer = Fixtures.unique("dj");
        long customerId = Fixtures.account(admin, customer, Map.of()).id();
        Api.As dj = api.login(customer, Fixtures.PASSWORD);

        Path library = panel.library(customerId);
        Files.createDirectories(library.resolve("music"));
        for (String[] t : TRACKS) {
            MediaFiles.ffmpeg(
                    library.resolve("music"),
                    "-f",
                    "lavfi",
                    "-i",
                    "sine=frequency=440:duration=4",
                    "-metadata",
                    "title=" + t[1],
                    "-metadata",
                    "artist=" + t[2],
                    "-metadata",
                    "album=Album " + t[2],
                    "-c:a",
                    "libmp3lame",
                    t[0]);
        }
        dj.post("/accounts/" + customerId + "/media/rescan", null).expect(200);

        long icecast = create(admin, customerId, "icecast", Map.of("mount", "/radio"), null)
                .expect(201)
                .id();
        long station = create(
                        admin,
                        customerId,
                        "autodj",
                        Map.of("streamName", "Night \"Owl\" #{radio}", "crossfade", 0, "bitrate", 64),
                        icecast)
                .expect(201)
                .id();

        // refused without a playlist, with a message that says why
        assertEquals(
                "SUCCEEDED",
                awaitDone(
                                dj,
                                dj.post("/services/" + icecast + "/actions", Map.of("action", "start"))
                                        .expect(202)
                                        .id())
                        .get("status")
                        .asText());
        JsonNode refused = awaitDone(
                dj,
                dj.post("/services/" + station + "/actions", Map.of("action", "start"))
                        .expect(202)
                        .id());
        assertEquals("FAILED", refused.get("status").asText(), refused.toString());
        assertTrue(refused.toString().contains("no enabled playlist"), refused.toString());

        // bad playlists change nothing; another tenant's and a non-AutoDJ service are not reachable
        Api.Reply badFolder = dj.post(
                "/services/" + station + "/playlists",
                Map.of("name", "Music", "entries", List.of(Map.of("folder", "../../etc"))));
        assertEquals(422, badFolder.status(), badFolder.raw());
        assertEquals("entries[0]", badFolder.text("field"));
        assertEquals(
                422,
                dj.post(
                                "/services/" + station + "/playlists",
                                Map.of("name", "Music", "entries", List.of(Map.of("folder", "nowhere"))))
                        .status());
        assertEquals(
                422,
                dj.post("/services/" + station + "/playlists", Map.of("name", "Bad\nname"))
                        .status());
        assertEquals(
                422,
                dj.post("/services/" + station + "/playlists", Map.of("name", "W", "weight", 0))
                        .status());
        assertEquals(0, dj.get("/services/" + station + "/playlists").body().size());
        Fixtures.Tenant other = Fixtures.tenant(api, admin);
        assertEquals(
                404,
                other.customerApi().get("/services/" + station + "/playlists").status());
        assertEquals(
                404,
                other.resellerApi()
                        .post("/services/" + station + "/playlists", Map.of("name", "Mine"))
                        .status());
        assertEquals(
                404,
                other.customerApi()
                        .get("/services/" + station + "/playout/history")
                        .status());
        assertEquals(
                404,
                other.customerApi()
                        .get("/services/" + station + "/playout/now-playing")
                        .status());
        assertEquals(409, dj.get("/services/" + icecast + "/playlists").status());

        JsonNode playlist = dj.post(
                        "/services/" + station + "/playlists",
                        Map.of("name", "Music", "order", "SHUFFLE", "entries", List.of(Map.of("folder", "music"))))
                .expect(201)
                .body();
        assertEquals(3, playlist.get("playableTracks").asInt(), playlist.toString());
        assertEquals(
                409,
                dj.post("/services/" + station + "/playlists", Map.of("name", "music"))
                        .status());
        long playlistId = playlist.get("id").asLong();
        assertEquals(
                404,
                other.customerApi()
                        .call("PATCH", "/services/" + station + "/playlists/" + playlistId, Map.of("enabled", false))
                        .status());
        assertTrue(dj.get("/services/" + station + "/playlists/" + playlistId)
                .body()
                .get("enabled")
                .asBoolean());

        JsonNode started = awaitDone(
                dj,
                dj.post("/services/" + station + "/actions", Map.of("action", "start"))
                        .expect(202)
                        .id());
        assertEquals("SUCCEEDED", started.get("status").asText(), started.toString());

        int port = dj.get("/services/" + icecast + "/connection")
                .expect(200)
                .body()
                .get("port")
                .asInt();
        HttpURLConnection listener =
                (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/radio").openConnection();
        listener.setReadTimeout(15_000);
        Await.until(
                "the AutoDJ on the icecast mount",
                Duration.ofSeconds(30),
                () -> {
                    try {
                        HttpURLConnection probe =
                                (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/radio").openConnection();
                        probe.setReadTimeout(5_000);
                        int status = probe.getResponseCode();
                        probe.disconnect();
                        return status == 200;
                    } catch (IOException e) {
                        return false;
                    }
                },
                () -> "; the station's history: "
                        + dj.get("/services/" + station + "/events").raw());
        try (InputStream in = listener.getInputStream()) {
            byte[] audio = in.readNBytes(16_384);
            assertEquals(16_384, audio.length);
            assertTrue(syncs(audio) >= 3, "the listener receives MP3");
        }

        Set<String> titles = new HashSet<>();
        for (String[] t : TRACKS) {
            titles.add(t[1]);
        }
        // the tracks change every 4 s: the station reports each one going on the air
        Await.until(
                "three tracks on the air",
                Duration.ofSeconds(60),
                () -> onAir(dj.get("/services/" + station + "/playout/history?limit=20")
                                        .body())
                                .size()
                        >= 3,
                () -> dj.get("/services/" + station + "/playout/history?limit=20")
                        .raw());
        List<JsonNode> played = onAir(
                dj.get("/services/" + station + "/playout/history?limit=20").body());
        Set<String> firstThree = new HashSet<>();
        for (JsonNode p : played.subList(played.size() - 3, played.size())) {
            firstThree.add(p.get("title").asText());
            assertEquals("Music", p.get("playlist").asText());
        }
        assertEquals(titles, firstThree, "repeat protection: each artist once before any plays again: " + played);

        // station IDs between the songs: an interval playlist, every song here
        Files.createDirectories(library.resolve("ids"));
        MediaFiles.ffmpeg(
                library.resolve("ids"),
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=880:duration=2",
                "-metadata",
                "title=Station ID",
                "-c:a",
                "libmp3lame",
                "id.mp3");
        dj.post("/accounts/" + customerId + "/media/rescan", null).expect(200);
        Api.Reply noInterval = dj.post(
                "/services/" + station + "/playlists",
                Map.of("name", "IDs", "kind", "INTERVAL", "entries", List.of(Map.of("folder", "ids"))));
        assertEquals(422, noInterval.status(), noInterval.raw());
        assertEquals("everySongs", noInterval.text("field"));
        dj.post(
                        "/services/" + station + "/playlists",
                        Map.of(
                                "name",
                                "IDs",
                                "kind",
                                "INTERVAL",
                                "everySongs",
                                1,
                                "entries",
                                List.of(Map.of("folder", "ids"))))
                .expect(201);
        Await.until(
                "a station ID on the air",
                Duration.ofSeconds(60),
                () -> onAir(dj.get("/services/" + station + "/playout/history?limit=20")
                                .body())
                        .stream()
                        .anyMatch(p -> p.get("playlist").asText().equals("IDs")),
                () -> dj.get("/services/" + station + "/playout/history?limit=20")
                        .raw());
        List<JsonNode> withIds = onAir(
                dj.get("/services/" + station + "/playout/history?limit=40").body());
        for (int i = 0; i + 1 < withIds.size(); i++) {
            if (withIds.get(i).get("playlist").asText().equals("IDs")) {
                assertEquals(
                        "Music",
                        withIds.get(i + 1).get("playlist").asText(),
                        "a song of the rotation before every station ID: " + withIds);
            }
        }
        titles.add("Station ID");

        // play once, next: a request for one track plays as the next and the playlist switches itself off
        long three = dj.get("/accounts/" + customerId + "/media?folder=music&q=third")
                .expect(200)
                .body()
                .at("/files/items/0/id")
                .asLong();
        long once = dj.post(
                        "/services/" + station + "/playlists",
                        Map.of("name", "Now", "kind", "IMMEDIATE", "entries", List.of(Map.of("track", three))))
                .expect(201)
                .id();
        Await.until(
                "the play-once track on the air",
                Duration.ofSeconds(60),
                () -> onAir(dj.get("/services/" + station + "/playout/history?limit=5")
                                .body())
                        .stream()
                        .anyMatch(p -> p.get("playlist").asText().equals("Now")),
                () -> dj.get("/services/" + station + "/playout/history?limit=5")
                        .raw());
        JsonNode done = dj.get("/services/" + station + "/playlists/" + once)
                .expect(200)
                .body();
        assertEquals(false, done.get("enabled").asBoolean(), done.toString());
        assertEquals(
                1,
                onAir(dj.get("/services/" + station + "/playout/history?limit=40")
                                .body())
                        .stream()
                        .filter(p -> p.get("playlist").asText().equals("Now"))
                        .count(),
                "played once");

        JsonNode now = dj.get("/services/" + station + "/playout/now-playing")
                .expect(200)
                .body();
        assertTrue(titles.contains(now.at("/current/title").asText()), now.toString());
        assertEquals("Night \"Owl\" #{radio}", now.get("station").asText());
        JsonNode open = api.anonymous()
                .get("/public/services/" + station + "/now-playing")
                .expect(200)
                .body();
        assertTrue(titles.contains(open.at("/current/title").asText()), open.toString());
        assertEquals(
                404,
                api.anonymous()
                        .get("/public/services/" + icecast + "/now-playing")
                        .status());

        // what icecast tells listeners is the panel's choice, as it was given (nothing interpolated;
        // a "#{" reaches liquidsoap with an invisible word joiner, which icecast writes as &#8288;)
        String status = new String(
                        new URL("http://127.0.0.1:" + port + "/status-json.xsl")
                                .openStream()
                                .readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8)
                .replace("&#8288;", "")
                .replace("\u2060", "");
        assertTrue(
                titles.stream()
                        .anyMatch(t -> status.contains(t.replace("\\", "\\\\").replace("\"", "\\\""))),
                "icecast shows one of the tracks: " + status);

        liveDjs(panel, api, admin, dj, station, icecast);
        shoutcastDj(panel, dj, station);
        songRequests(panel, api, admin, dj, station);
        queueAndSkip(panel, api, admin, dj, customerId, station, icecast);
        scheduledShows(panel, api, dj, customerId, station, icecast);
        liveRecording(panel, admin, dj, customerId, station, icecast);

        // kill -9 of the panel: the station plays on (its fallback playlist while nobody answers), its
        // listeners stay, and the restarted panel adopts the same liquidsoap and chooses again
        Path pidFile = panel.storage().resolve("services/service_" + station + "/liquidsoap.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        int playedBefore = dj.get("/services/" + station + "/playout/history?limit=500")
                .body()
                .size();
        HttpURLConnection through = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/radio").openConnection();
        through.setReadTimeout(15_000);
        try (InputStream in = through.getInputStream()) {
            in.readNBytes(4_096);
            panel.killAndRestart();
            assertTrue(
                    ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "liquidsoap outlived the panel");
            byte[] after = in.readNBytes(65_536); // 8 s at 64 kbit/s: more than icecast holds for a listener
            assertEquals(65_536, after.length);
            assertTrue(syncs(after) >= 3, "the listener kept receiving MP3 through the panel crash");
        }
        Api.As again = panel.api().login(customer, Fixtures.PASSWORD);
        Await.until(
                "the restarted panel to see the station running",
                Duration.ofSeconds(30),
                () -> "RUNNING".equals(again.get("/services/" + station).text("state")));
        assertEquals(pid, Long.parseLong(Files.readAllLines(pidFile).get(0).strip()), "the panel adopted liquidsoap");
        Await.until(
                "the restarted panel to choose tracks again",
                Duration.ofSeconds(60),
                () -> again.get("/services/" + station + "/playout/history?limit=500")
                                .body()
                                .size()
                        > playedBefore + 1,
                () -> again.get("/services/" + station + "/playout/history?limit=5")
                        .raw());

        for (long service : List.of(station, icecast)) {
            awaitDone(
                    again,
                    again.post("/services/" + service + "/actions", Map.of("action", "delete", "confirm", true))
                            .expect(202)
                            .id());
        }
    }

    /**
     * Live DJs on the running station: accounts (bad input and other tenants change nothing), a
     * wrong password and a DJ outside their slot refused, a DJ on the air about a second after the
     * encoder starts, a higher priority taking the air from a lower one, a disabled DJ cut off, and
     * the AutoDJ back at the start of a new track.
     */
    private void liveDjs(Panel panel, Api api, Api.As admin, Api.As owner, long station, long icecast)
            throws Exception {
        String djs = "/services/" + station + "/djs";
        Api.Reply badName = owner.post(djs, Map.of("name", "Ann", "username", "a b"));
        assertEquals(422, badName.status(), badName.raw());
        assertEquals("username", badName.text("field"));
        Api.Reply noSlot = owner.post(djs, Map.of("name", "Ann", "username", "ann", "scheduledOnly", true));
        assertEquals(422, noSlot.status(), noSlot.raw());
        assertEquals("slots", noSlot.text("field"));
        Api.Reply backwards = owner.post(
                djs,
                Map.of(
                        "name",
                        "Ann",
                        "username",
                        "ann",
                        "slots",
                        List.of(Map.of("day", "MONDAY", "start", "20:00", "end", "18:00"))));
        assertEquals(422, backwards.status(), backwards.raw());
        assertEquals("slots[0]", backwards.text("field"));
        assertEquals(
                422,
                owner.post(djs, Map.of("name", "Ann", "username", "ann", "priority", 101))
                        .status());
        assertEquals(0, owner.get(djs).expect(200).body().size(), "refused DJs were not stored");
        Fixtures.Tenant other = Fixtures.tenant(api, admin);
        assertEquals(404, other.customerApi().get(djs).status());
        assertEquals(
                404,
                other.resellerApi()
                        .post(djs, Map.of("name", "Eve", "username", "eve"))
                        .status());
        assertEquals(409, owner.get("/services/" + icecast + "/djs").status());

        JsonNode ann = owner.post(djs, Map.of("name", "Ann \"Live\" #{1}", "username", "ann", "priority", 10))
                .expect(201)
                .body();
        String annPassword = ann.get("password").asText();
        assertTrue(annPassword.matches("[A-Za-z0-9]{20}"), ann.toString());
        long annId = ann.at("/dj/id").asLong();
        assertEquals(
                409,
                owner.post(djs, Map.of("name", "Ann again", "username", "ann")).status());
        assertEquals(
                404,
                other.customerApi()
                        .call("PATCH", djs + "/" + annId, Map.of("enabled", false))
                        .status());
        assertEquals(
                404,
                other.customerApi().post(djs + "/" + annId + "/password", null).status());
        assertEquals(
                404, other.customerApi().call("DELETE", djs + "/" + annId, null).status());
        assertFalse(owner.get(djs + "/" + annId).body().has("password"), "the password is shown once only");
        assertTrue(owner.get(djs + "/" + annId).body().get("enabled").asBoolean());
        // only on a day that is not today
        String notToday = java.time.LocalDate.now().plusDays(3).getDayOfWeek().name();
        String bobPassword = owner.post(
                        djs,
                        Map.of(
                                "name",
                                "Bob",
                                "username",
                                "bob",
                                "scheduledOnly",
                                true,
                                "slots",
                                List.of(Map.of("day", notToday, "start", "00:00", "end", "24:00"))))
                .expect(201)
                .body()
                .get("password")
                .asText();
        JsonNode cat = owner.post(djs, Map.of("name", "Cat", "username", "cat", "priority", 90))
                .expect(201)
                .body();

        JsonNode connection =
                owner.get("/services/" + station + "/connection").expect(200).body();
        String harbor = "@127.0.0.1:" + connection.get("livePort").asText() + "/live";
        Process wrong = encoder("ann:not-" + annPassword + harbor);
        assertTrue(wrong.waitFor(30, TimeUnit.SECONDS) && wrong.exitValue() != 0, "a wrong password is refused");
        Process outOfSlot = encoder("bob:" + bobPassword + harbor);
        assertTrue(
                outOfSlot.waitFor(30, TimeUnit.SECONDS) && outOfSlot.exitValue() != 0,
                "a DJ outside their slot is refused");

        Path log = panel.storage().resolve("services/service_" + station + "/liquidsoap.log");
        long switchesBefore = switchesToLive(log);
        long started = System.nanoTime();
        Process annLive = encoder("ann:" + annPassword + harbor);
        Await.until(
                "Ann on the air",
                Duration.ofSeconds(10),
                () -> switchesToLive(log) > switchesBefore,
                () -> "; " + owner.get("/services/" + station + "/events").raw());
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("AutoDjIT: a DJ's encoder started -> on the air: " + tookMillis + " ms");
        Await.until(
                "now playing to say Ann is live",
                Duration.ofSeconds(10),
                () -> "Ann \"Live\" #{1}"
                        .equals(owner.get("/services/" + station + "/playout/now-playing")
                                .body()
                                .at("/live/dj")
                                .asText()));
        assertEquals(
                "Ann \"Live\" #{1}",
                api.anonymous()
                        .get("/public/services/" + station + "/now-playing")
                        .body()
                        .at("/live/dj")
                        .asText());
        assertTrue(owner.get(djs + "/" + annId).body().get("live").asBoolean());

        // Cat's higher priority takes the air from Ann
        Process catLive = encoder("cat:" + cat.get("password").asText() + harbor);
        Await.until(
                "Cat to take the air from Ann",
                Duration.ofSeconds(15),
                () -> "Cat"
                        .equals(owner.get("/services/" + station + "/playout/now-playing")
                                .body()
                                .at("/live/dj")
                                .asText()),
                () -> "; " + owner.get("/services/" + station + "/events").raw());
        assertTrue(annLive.waitFor(15, TimeUnit.SECONDS), "Ann's encoder was disconnected");
        assertTrue(catLive.isAlive(), "Cat stays on the air");

        // a DJ switched off is cut off; the AutoDJ comes back with a new track
        int onAirBefore = onAir(owner.get("/services/" + station + "/playout/history?limit=500")
                        .body())
                .size();
        owner.call("PATCH", djs + "/" + cat.at("/dj/id").asLong(), Map.of("enabled", false))
                .expect(200);
        assertTrue(catLive.waitFor(20, TimeUnit.SECONDS), "the disabled DJ was disconnected");
        Await.until(
                "the AutoDJ back on the air",
                Duration.ofSeconds(20),
                () -> owner.get("/services/" + station + "/playout/now-playing")
                        .body()
                        .path("live")
                        .isNull());
        assertTrue(owner.get("/services/" + station + "/events").raw().contains("the live DJ was disconnected"));
        Await.until(
                "a new AutoDJ track after the live show",
                Duration.ofSeconds(30),
                () -> onAir(owner.get("/services/" + station + "/playout/history?limit=500")
                                        .body())
                                .size()
                        > onAirBefore);
    }

    /**
     * A DJ with a SHOUTcast v1 encoder (ICY: "user:password" as the password, the port after the one
     * given): a wrong password is refused, the right one goes on the air as that DJ, and the AutoDJ
     * comes back when the encoder leaves.
     */
    private void shoutcastDj(Panel panel, Api.As owner, long station) throws Exception {
        String service = "/services/" + station;
        String password = owner.post(service + "/djs", Map.of("name", "Winamp Wanda", "username", "wanda"))
                .expect(201)
                .body()
                .get("password")
                .asText();
        JsonNode connection = owner.get(service + "/connection").expect(200).body();
        int port = connection.get("shoutcastDjPort").asInt();
        assertEquals(
                "DJ-USER:DJ-PASSWORD", connection.get("shoutcastDjPassword").asText());
        try (IcySource wrong = IcySource.connect("127.0.0.1", port, "wanda:not-" + password)) {
            assertFalse(wrong.accepted(), "a wrong password is refused: " + wrong.reply());
        }
        Path log = panel.storage().resolve("services/service_" + station + "/liquidsoap.log");
        long before = switchesToLive(log);
        try (IcySource wanda = IcySource.connect("127.0.0.1", port, "wanda:" + password)) {
            assertTrue(wanda.accepted(), wanda.reply());
            Await.until(
                    "Wanda on the air",
                    Duration.ofSeconds(10),
                    () -> switchesToLive(log) > before,
                    () -> logTail(panel, station));
            Await.until(
                    "now playing to say Wanda is live",
                    Duration.ofSeconds(10),
                    () -> "Winamp Wanda"
                            .equals(owner.get(service + "/playout/now-playing")
                                    .body()
                                    .at("/live/dj")
                                    .asText()));
            assertTrue(wanda.streaming());
        }
        Await.until(
                "the AutoDJ back after the ICY DJ left",
                Duration.ofSeconds(20),
                () -> owner.get(service + "/playout/now-playing")
                        .body()
                        .path("live")
                        .isNull());
    }

    /**
     * Song requests on the running station: off by default (404), switched on without restarting
     * liquidsoap, held to repeat protection (409 saying until when), one per listener in the
     * interval (429), bad input refused, the request played next and marked in the history.
     */
    private void songRequests(Panel panel, Api api, Api.As admin, Api.As owner, long station) throws Exception {
        String open = "/public/services/" + station + "/requests";
        Api.As listener = api.anonymous();
        assertEquals(404, listener.get(open + "/tracks").status(), "requests are off by default");
        Path pidFile = panel.storage().resolve("services/service_" + station + "/liquidsoap.pid");
        String pid = Files.readAllLines(pidFile).get(0).strip();
        owner.call("PATCH", "/services/" + station, Map.of("config", Map.of("requests", true, "requestMinutes", 60)))
                .expect(200);
        Await.until(
                "the settings applied",
                Duration.ofSeconds(60),
                () -> listener.get(open + "/tracks").status() == 200
                        && "SUCCEEDED"
                                .equals(owner.get("/services/" + station + "/actions")
                                        .body()
                                        .at("/items/0/status")
                                        .asText()));
        assertEquals(
                pid,
                Files.readAllLines(pidFile).get(0).strip(),
                () -> "a panel-only setting keeps the station on: " + logTail(panel, station) + " "
                        + owner.get("/services/" + station + "/actions").raw() + " "
                        + owner.get("/services/" + station + "/events").raw());

        JsonNode tracks = listener.get(open + "/tracks").expect(200).body();
        assertEquals(3, tracks.size(), "the rotation's tracks, not the station IDs: " + tracks);
        long held = -1;
        for (JsonNode t : tracks) {
            if (!t.path("requestableAt").isNull()) {
                held = t.get("id").asLong();
            }
        }
        assertTrue(held > 0, "a track played minutes ago is held by repeat protection: " + tracks);
        Api.Reply protectedTrack = listener.post(open, Map.of("trackId", held));
        assertEquals(409, protectedTrack.status(), protectedTrack.raw());
        assertTrue(protectedTrack.raw().contains("requested again from"), protectedTrack.raw());
        long stationId = owner.get("/accounts/"
                        + owner.get("/services/" + station)
                                .body()
                                .get("ownerId")
                                .asLong() + "/media?folder=ids")
                .body()
                .at("/files/items/0/id")
                .asLong();
        assertEquals(404, listener.post(open, Map.of("trackId", stationId)).status(), "station IDs are not offered");
        Api.Reply noTrack = listener.post(open, Map.of());
        assertEquals(422, noTrack.status(), noTrack.raw());
        assertEquals("trackId", noTrack.text("field"));
        assertEquals(400, listener.post(open, Map.of("trackId", "abc")).status());
        assertEquals(
                0,
                owner.get("/services/" + station + "/playout/requests").body().size(),
                "nothing stored");

        // without repeat protection every track may be asked for; the listener's next request waits an hour
        owner.call("PATCH", "/services/" + station, Map.of("config", Map.of("repeatMinutes", 0)))
                .expect(200);
        Await.until(
                "repeat protection off",
                Duration.ofSeconds(60),
                () -> listener.get(open + "/tracks").body().findValues("requestableAt").stream()
                        .allMatch(JsonNode::isNull));
        JsonNode made = listener.post(open, Map.of("trackId", held)).expect(201).body();
        Api.Reply again = listener.post(open, Map.of("trackId", held));
        assertEquals(429, again.status(), again.raw());
        assertTrue(again.raw().contains("one request every 60 minutes"), again.raw());
        Fixtures.Tenant other = Fixtures.tenant(api, admin);
        assertEquals(
                404,
                other.customerApi()
                        .get("/services/" + station + "/playout/requests")
                        .status());
        assertEquals(
                404,
                other.customerApi()
                        .call(
                                "DELETE",
                                "/services/" + station + "/playout/requests/"
                                        + made.get("id").asLong(),
                                null)
                        .status());
        Await.until(
                "the request on the air",
                Duration.ofSeconds(60),
                () -> onAir(owner.get("/services/" + station + "/playout/history?limit=10")
                                .body())
                        .stream()
                        .anyMatch(p -> p.get("requested").asBoolean()
                                && p.get("fileId").asLong()
                                        == made.get("trackId").asLong()),
                () -> owner.get("/services/" + station + "/playout/history?limit=10")
                        .raw());
        JsonNode listed = owner.get("/services/" + station + "/playout/requests")
                .expect(200)
                .body();
        assertEquals(made.get("id").asLong(), listed.at("/0/id").asLong());
        assertFalse(listed.at("/0/chosenAt").isNull(), listed.toString());
    }

    /**
     * The owner's remote control: a long track of the library queued plays next (repeat protection
     * does not hold it, it is marked queued), and a skip ends it long before its 90 s are over.
     * Bad input, another tenant and a service of another type change nothing.
     */
    private void queueAndSkip(
            Panel panel, Api api, Api.As admin, Api.As owner, long ownerId, long station, long icecast)
            throws Exception {
        Path library = panel.library(ownerId);
        Files.createDirectories(library.resolve("long"));
        MediaFiles.ffmpeg(
                library.resolve("long"),
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=330:duration=90",
                "-metadata",
                "title=Long Mix",
                "-c:a",
                "libmp3lame",
                "-b:a",
                "32k",
                "long.mp3");
        owner.post("/accounts/" + ownerId + "/media/rescan", null).expect(200);
        long longMix = owner.get("/accounts/" + ownerId + "/media?folder=long")
                .expect(200)
                .body()
                .at("/files/items/0/id")
                .asLong();
        String queue = "/services/" + station + "/playout/queue";
        Api.Reply noTrack = owner.post(queue, Map.of());
        assertEquals(422, noTrack.status(), noTrack.raw());
        assertEquals("trackId", noTrack.text("field"));
        assertEquals(400, owner.post(queue, Map.of("trackId", "abc")).status());
        Api.Reply notMine = owner.post(queue, Map.of("trackId", 987_654_321));
        assertEquals(422, notMine.status(), notMine.raw());
        assertTrue(notMine.raw().contains("not an audio file of this customer's library"), notMine.raw());
        Fixtures.Tenant other = Fixtures.tenant(api, admin);
        assertEquals(
                404, other.customerApi().post(queue, Map.of("trackId", longMix)).status());
        assertEquals(
                404,
                other.resellerApi()
                        .post("/services/" + station + "/playout/skip", null)
                        .status());
        assertEquals(
                409,
                owner.post("/services/" + icecast + "/playout/queue", Map.of("trackId", longMix))
                        .status());
        Api.Reply serverSkip = owner.post("/services/" + icecast + "/playout/skip", null);
        assertEquals(409, serverSkip.status(), serverSkip.raw());
        assertTrue(serverSkip.raw().contains("no tracks to skip"), serverSkip.raw());
        assertTrue(
                owner.get("/services/" + station + "/playout/requests").body().findValues("queued").stream()
                        .noneMatch(JsonNode::asBoolean),
                "nothing queued by the refusals");

        java.time.Instant queuedAt = java.time.Instant.now();
        JsonNode queued =
                owner.post(queue, Map.of("trackId", longMix)).expect(201).body();
        assertTrue(queued.get("queued").asBoolean(), queued.toString());
        // (the same track queued twice while it waits is refused: ConsoleCommandsIT, on a stopped
        // station; here the station takes it as its next track at once, so it no longer waits)
        Await.until(
                "the queued track on the air",
                Duration.ofSeconds(60),
                () -> {
                    List<JsonNode> played = onAir(owner.get("/services/" + station + "/playout/history?limit=5")
                            .body());
                    return !played.isEmpty()
                            && played.get(0).get("fileId").asLong() == longMix
                            && played.get(0).get("queued").asBoolean();
                },
                () -> owner.get("/services/" + station + "/playout/history?limit=5")
                        .raw());
        // next, not after the track the station had ready when it was queued
        List<JsonNode> since = onAir(owner.get("/services/" + station + "/playout/history?limit=10")
                        .body())
                .stream()
                .filter(p -> !java.time.Instant.parse(p.get("onAirAt").asText()).isBefore(queuedAt))
                .toList();
        assertEquals(1, since.size(), "the queued track was the first to go on the air after it was queued: " + since);
        owner.post("/services/" + station + "/playout/skip", null).expect(204);
        // 90 s of track left: only the skip brings the next one within this wait
        Await.until(
                "the next track on the air after the skip",
                Duration.ofSeconds(30),
                () -> {
                    List<JsonNode> played = onAir(owner.get("/services/" + station + "/playout/history?limit=5")
                            .body());
                    return played.get(0).get("fileId").asLong() != longMix;
                },
                () -> owner.get("/services/" + station + "/playout/history?limit=5")
                        .raw());

        // hourly at a minute: at this minute of the panel's clock the playlist is due, plays at the
        // next track end, and not again within the hour
        String playlists = "/services/" + station + "/playlists";
        Api.Reply twoPaces = owner.post(
                playlists,
                Map.of(
                        "name",
                        "Top",
                        "kind",
                        "INTERVAL",
                        "everySongs",
                        2,
                        "atMinute",
                        5,
                        "entries",
                        List.of(Map.of("folder", "ids"))));
        assertEquals(422, twoPaces.status(), twoPaces.raw());
        Api.Reply badMinute = owner.post(
                playlists,
                Map.of("name", "Top", "kind", "INTERVAL", "atMinute", 60, "entries", List.of(Map.of("folder", "ids"))));
        assertEquals(422, badMinute.status(), badMinute.raw());
        assertEquals("atMinute", badMinute.text("field"));
        assertFalse(owner.get(playlists).raw().contains("\"Top of hour\""), "nothing stored");
        int minute = java.time.ZonedDateTime.now().getMinute();
        JsonNode hourly = owner.post(
                        playlists,
                        Map.of(
                                "name",
                                "Top of hour",
                                "kind",
                                "INTERVAL",
                                "atMinute",
                                minute,
                                "entries",
                                List.of(Map.of("folder", "ids"))))
                .expect(201)
                .body();
        assertEquals(minute, hourly.get("atMinute").asInt(), hourly.toString());
        assertTrue(
                hourly.get("everySongs").isNull() && hourly.get("everyMinutes").isNull(), hourly.toString());
        Await.until(
                "the hourly playlist on the air",
                Duration.ofSeconds(60),
                () -> onAir(owner.get("/services/" + station + "/playout/history?limit=10")
                                .body())
                        .stream()
                        .anyMatch(p -> p.get("playlist").asText().equals("Top of hour")),
                () -> owner.get("/services/" + station + "/playout/history?limit=10")
                        .raw());
        Await.until("four more tracks on the air", Duration.ofSeconds(60), () -> {
            List<JsonNode> played = onAir(owner.get("/services/" + station + "/playout/history?limit=10")
                    .body());
            int at = 0;
            while (at < played.size()
                    && !played.get(at).get("playlist").asText().equals("Top of hour")) {
                at++;
            }
            return at >= 4;
        });
        assertEquals(
                1,
                onAir(owner.get("/services/" + station + "/playout/history?limit=40")
                                .body())
                        .stream()
                        .filter(p -> p.get("playlist").asText().equals("Top of hour"))
                        .count(),
                "once within the hour");
        owner.call("PATCH", playlists + "/" + hourly.get("id").asLong(), Map.of("enabled", false))
                .expect(200);

        // artist and album entries: resolved from the library's tags (without case) when played
        Api.Reply nobody = owner.post(
                playlists, Map.of("name", "Tags", "kind", "IMMEDIATE", "entries", List.of(Map.of("artist", "Nobody"))));
        assertEquals(422, nobody.status(), nobody.raw());
        assertEquals("entries[0]", nobody.text("field"));
        assertTrue(nobody.raw().contains("no tracks by Nobody"), nobody.raw());
        assertEquals(
                422,
                owner.post(
                                playlists,
                                Map.of("name", "Tags", "entries", List.of(Map.of("artist", "Bob", "folder", "music"))))
                        .status());
        assertEquals(
                422,
                owner.post(playlists, Map.of("name", "Tags", "entries", List.of(Map.of("artist", "Bob\nevil"))))
                        .status());
        assertFalse(owner.get(playlists).raw().contains("\"Tags\""), "nothing stored");
        JsonNode byAlbum = owner.post(
                        playlists,
                        Map.of(
                                "name",
                                "Tags",
                                "kind",
                                "IMMEDIATE",
                                "entries",
                                List.of(Map.of("album", "ALBUM BOB", "artist", "bob"))))
                .expect(201)
                .body();
        assertEquals(1, byAlbum.get("playableTracks").asInt(), byAlbum.toString());
        assertEquals("ALBUM BOB", byAlbum.at("/entries/0/album").asText(), byAlbum.toString());
        Await.until(
                "the album's track on the air",
                Duration.ofSeconds(60),
                () -> onAir(owner.get("/services/" + station + "/playout/history?limit=5")
                                .body())
                        .stream()
                        .anyMatch(p -> p.get("playlist").asText().equals("Tags")
                                && p.get("title").asText().equals("Second; Wind")),
                () -> owner.get("/services/" + station + "/playout/history?limit=5")
                        .raw());

        // repeat protection by plays: a setting of the station, refused out of range
        Api.Reply tooMany = owner.call("PATCH", "/services/" + station, Map.of("config", Map.of("repeatPlays", 501)));
        assertEquals(422, tooMany.status(), tooMany.raw());
        assertTrue(tooMany.raw().contains("repeatPlays"), tooMany.raw());
    }

    /**
     * Scheduled playlists: refused on the field at fault, shown in the calendar with their repeats,
     * and an interruptible show cuts into a long rotation track and plays inside its window.
     */
    private void scheduledShows(Panel panel, Api api, Api.As owner, long ownerId, long station, long icecast)
            throws Exception {
        String playlists = "/services/" + station + "/playlists";
        Path library = panel.library(ownerId);
        Files.createDirectories(library.resolve("show"));
        MediaFiles.ffmpeg(
                library.resolve("show"),
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=550:duration=4",
                "-metadata",
                "title=Show Tune",
                "-c:a",
                "libmp3lame",
                "show.mp3");
        owner.post("/accounts/" + ownerId + "/media/rescan", null).expect(200);

        List<Object[]> refusals = List.of(
                new Object[] {null, 422, "schedule"},
                new Object[] {Map.of("start", "24.12.2026 18:00", "minutes", 60), 422, "schedule.start"},
                new Object[] {Map.of("start", "2026-02-30T18:00", "minutes", 60), 422, "schedule.start"},
                new Object[] {Map.of("start", "2026-12-24T18:00", "minutes", 0), 422, "schedule.minutes"},
                new Object[] {Map.of("start", "2026-12-24T18:00", "minutes", 1441), 422, "schedule.minutes"},
                new Object[] {Map.of("start", "2026-12-24T18:00", "end", "2026-12-24T17:00"), 422, "schedule.end"},
                new Object[] {
                    Map.of("start", "2026-12-24T18:00", "minutes", 30, "end", "2026-12-24T19:00"), 422, "schedule.end"
                },
                new Object[] {Map.of("start", "2026-12-24T18:00"), 422, "schedule.minutes"},
                new Object[] {Map.of("start", "2026-12-24T18:00", "minutes", 30, "repeat", "YEARLY"), 400, null});
        for (Object[] refusal : refusals) {
            Map<String, Object> body = new java.util.HashMap<>(
                    Map.of("name", "Show", "kind", "SCHEDULED", "entries", List.of(Map.of("folder", "show"))));
            if (refusal[0] != null) {
                body.put("schedule", refusal[0]);
            }
            Api.Reply r = owner.post(playlists, body);
            assertEquals(refusal[1], r.status(), r.raw());
            if (refusal[2] != null) {
                assertEquals(refusal[2], r.text("field"), r.raw());
            }
        }
        assertFalse(owner.get(playlists).raw().contains("\"Show\""), "nothing stored");

        // the calendar: a weekly show from tomorrow, disabled, appears twice in two weeks
        java.time.LocalDate tomorrow = java.time.LocalDate.now().plusDays(1);
        JsonNode weekly = owner.post(
                        playlists,
                        Map.of(
                                "name",
                                "Weekly",
                                "kind",
                                "SCHEDULED",
                                "enabled",
                                false,
                                "entries",
                                List.of(Map.of("folder", "show")),
                                "schedule",
                                Map.of("start", tomorrow + "T20:00", "end", tomorrow + "T22:30", "repeat", "WEEKLY")))
                .expect(201)
                .body();
        assertEquals(150, weekly.at("/schedule/minutes").asInt(), weekly.toString());
        assertEquals(tomorrow + "T22:30", weekly.at("/schedule/end").asText());
        String calendar = playlists + "/schedule?from=" + tomorrow + "&days=14";
        JsonNode shows = owner.get(calendar).expect(200).body();
        assertEquals(2, shows.size(), shows.toString());
        assertEquals(
                tomorrow.plusDays(7)
                        .atTime(20, 0)
                        .atZone(java.time.ZoneId.systemDefault())
                        .toInstant(),
                java.time.Instant.parse(shows.at("/1/start").asText()),
                shows.toString());
        assertFalse(shows.at("/0/enabled").asBoolean());
        Fixtures.Tenant other = Fixtures.tenant(api, panel.admin());
        assertEquals(404, other.customerApi().get(calendar).status());
        assertEquals(
                409, owner.get("/services/" + icecast + "/playlists/schedule").status());
        Api.Reply badFrom = owner.get(playlists + "/schedule?from=tomorrow");
        assertEquals(422, badFrom.status(), badFrom.raw());
        assertEquals("from", badFrom.text("field"));
        assertEquals("days", owner.get(playlists + "/schedule?days=43").text("field"));

        // the rotation is one 90 s track; the show, scheduled while it plays, cuts in at once
        long longRotation = owner.post(
                        playlists, Map.of("name", "Long", "weight", 100, "entries", List.of(Map.of("folder", "long"))))
                .expect(201)
                .id();
        List<Long> music = new ArrayList<>();
        for (JsonNode p : owner.get(playlists).body()) {
            if (p.get("kind").asText().equals("ROTATION")
                    && p.get("enabled").asBoolean()
                    && p.get("id").asLong() != longRotation) {
                music.add(p.get("id").asLong());
                owner.call("PATCH", playlists + "/" + p.get("id").asLong(), Map.of("enabled", false))
                        .expect(200);
            }
        }
        String history = "/services/" + station + "/playout/history?limit=5";
        Await.until(
                "the long rotation track on the air",
                Duration.ofSeconds(60),
                () -> {
                    List<JsonNode> played = onAir(owner.get(history).body());
                    return !played.isEmpty()
                            && played.get(0).get("playlist").asText().equals("Long");
                },
                () -> owner.get(history).raw());
        String start = java.time.LocalDateTime.now()
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .toString();
        JsonNode show = owner.post(
                        playlists,
                        Map.of(
                                "name",
                                "Show",
                                "kind",
                                "SCHEDULED",
                                "entries",
                                List.of(Map.of("folder", "show")),
                                "schedule",
                                Map.of("start", start, "minutes", 3, "interruptible", true)))
                .expect(201)
                .body();
        assertEquals("NONE", show.at("/schedule/repeat").asText(), show.toString());
        Await.until(
                "the show on the air, long before the 90 s track would have ended",
                Duration.ofSeconds(20),
                () -> {
                    List<JsonNode> played = onAir(owner.get(history).body());
                    return played.get(0).get("playlist").asText().equals("Show")
                            && played.get(0).get("title").asText().equals("Show Tune");
                },
                () -> owner.get(history).raw() + logTail(panel, station));
        // the short tracks again, for what follows
        owner.call("PATCH", playlists + "/" + show.get("id").asLong(), Map.of("enabled", false))
                .expect(200);
        for (long id : music) {
            owner.call("PATCH", playlists + "/" + id, Map.of("enabled", true)).expect(200);
        }
        owner.call("PATCH", playlists + "/" + longRotation, Map.of("enabled", false))
                .expect(200);
    }

    /**
     * A live show recorded into the owner's media library: the station's setting restarts
     * liquidsoap with the recording output; the DJ's show lands in live-recordings, tagged with the
     * DJ, and the station's folder keeps nothing of it; once the disk quota is used up, the next
     * show is not kept, and the history says why.
     */
    private void liveRecording(Panel panel, Api.As admin, Api.As owner, long ownerId, long station, long icecast)
            throws Exception {
        String service = "/services/" + station;
        Path pidFile = panel.storage().resolve("services/service_" + station + "/liquidsoap.pid");
        String pid = Files.readAllLines(pidFile).get(0).strip();
        owner.call("PATCH", service, Map.of("config", Map.of("recordLive", true)))
                .expect(200);
        Await.until(
                "liquidsoap restarted with the recording",
                Duration.ofSeconds(60),
                () -> "SUCCEEDED"
                                .equals(owner.get(service + "/actions")
                                        .body()
                                        .at("/items/0/status")
                                        .asText())
                        && !text(pidFile).isBlank()
                        && !text(pidFile).strip().equals(pid)
                        && text(panel.storage().resolve("services/service_" + station + "/station.liq"))
                                .contains("output.file("));
        String password = owner.post(service + "/djs", Map.of("name", "Rec \"Show\"", "username", "rec.show"))
                .expect(201)
                .body()
                .get("password")
                .asText();
        String harbor = "@127.0.0.1:"
                + owner.get(service + "/connection").body().get("livePort").asText() + "/live";
        Path log = panel.storage().resolve("services/service_" + station + "/liquidsoap.log");
        Path recording = panel.storage().resolve("services/service_" + station + "/recording");
        long before = switchesToLive(log);
        Process dj = encoder("rec.show:" + password + harbor);
        Await.until(
                "the DJ on the air",
                Duration.ofSeconds(30),
                () -> switchesToLive(log) > before,
                () -> logTail(panel, station));
        Await.until(
                "a few seconds of the show recorded",
                Duration.ofSeconds(30),
                () -> {
                    try (var files = Files.list(recording)) {
                        return files.anyMatch(f -> f.toFile().length() > 24_000);
                    } catch (IOException e) {
                        return false;
                    }
                },
                () -> logTail(panel, station));
        dj.destroy();
        assertTrue(dj.waitFor(10, TimeUnit.SECONDS));
        String folder = "/accounts/" + ownerId + "/media?folder=live-recordings";
        Await.until(
                "the show in the media library, tagged (the library indexes it, then it is tagged)",
                Duration.ofSeconds(30),
                () -> owner.get(folder).body().at("/files/items").size() == 1
                        && !owner.get(folder).body().at("/files/items/0/artist").isNull(),
                () -> owner.get(service + "/events").raw() + logTail(panel, station));
        JsonNode show = owner.get(folder).body().at("/files/items/0");
        assertTrue(
                show.get("name").asText().matches("live-\\d{4}-\\d\\d-\\d\\d-\\d{4}-rec\\.show\\.mp3"),
                show.toString());
        assertEquals("Rec \"Show\"", show.get("artist").asText(), show.toString());
        assertTrue(show.get("title").asText().startsWith("Live show "), show.toString());
        assertTrue(show.get("durationMs").asLong() >= 2_000, show.toString());
        assertTrue(owner.get(service + "/events").raw().contains("recorded into the media library"));
        try (var left = Files.list(recording)) {
            assertEquals(0, left.count(), "the station's folder keeps nothing of the show");
        }

        // the quota: 2 MB for the customer's two services, and a library already over it
        for (long s : new long[] {icecast, station}) {
            admin.call("PATCH", "/services/" + s, Map.of("diskQuotaMb", 1)).expect(200);
        }
        Path filler = panel.library(ownerId).resolve("filler");
        Files.createDirectories(filler);
        MediaFiles.ffmpeg(
                filler,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=200:duration=150",
                "-c:a",
                "libmp3lame",
                "-b:a",
                "128k",
                "filler.mp3");
        owner.post("/accounts/" + ownerId + "/media/rescan", null).expect(200);
        long again = switchesToLive(log);
        Process second = encoder("rec.show:" + password + harbor);
        Await.until("the DJ on the air again", Duration.ofSeconds(30), () -> switchesToLive(log) > again);
        Await.until("the second show recording", Duration.ofSeconds(30), () -> {
            try (var files = Files.list(recording)) {
                return files.anyMatch(f -> f.toFile().length() > 8_000);
            } catch (IOException e) {
                return false;
            }
        });
        second.destroy();
        assertTrue(second.waitFor(10, TimeUnit.SECONDS));
        Await.until(
                "the history to say the show was not kept",
                Duration.ofSeconds(30),
                () -> owner.get(service + "/events").raw().contains("the live show was not recorded"),
                () -> owner.get(service + "/events").raw());
        assertEquals(1, owner.get(folder).body().at("/files/items").size(), "still the first show only");
        try (var left = Files.list(recording)) {
            assertEquals(0, left.count(), "nor is it left in the station's folder");
        }
    }

    /** A file's text, or "" while it is not there (being rewritten). */
    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static String logTail(Panel panel, long station) {
        try {
            List<String> lines =
                    Files.readAllLines(panel.storage().resolve("services/service_" + station + "/liquidsoap.log"));
            return "LOG>>" + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size())) + "<<LOG";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** An encoder (ffmpeg) sending a tone to an Icecast-protocol URL {@code user:password@host:port/mount}. */
    private Process encoder(String credentialsAndPlace) throws IOException {
        return media.icecastSource("icecast://" + credentialsAndPlace);
    }

    /** How often liquidsoap switched the station to its live input, by its log. */
    private static long switchesToLive(Path log) {
        try {
            return Files.readAllLines(log).stream()
                    .filter(l -> l.contains("[on_air:3] Switch to live"))
                    .count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The history's tracks that went on the air, newest first. */
    private static List<JsonNode> onAir(JsonNode history) {
        List<JsonNode> played = new ArrayList<>();
        history.forEach(p -> {
            if (!p.path("onAirAt").isNull() && !p.path("onAirAt").isMissingNode()) {
                played.add(p);
            }
        });
        return played;
    }

    private static int syncs(byte[] bytes) {
        int syncs = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xE0) == 0xE0) {
                syncs++;
            }
        }
        return syncs;
    }
}
