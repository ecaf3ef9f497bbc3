/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Await;
import org.castpanel.itests.support.Fixtures;
import org.castpanel.itests.support.Fixtures.Tenant;
import org.castpanel.itests.support.MediaFiles;
import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.Tus;
import org.castpanel.itests.support.WithPanel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The media library end to end on the real distribution: real files made by ffmpeg, uploaded over
 * tus (one dropped half-way and resumed), probed, edited, moved, refused (quota, content, names),
 * walled off between tenants, and deleted with their account. Test methods run in any order.
 */
@WithPanel("h2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaLibraryIT {

    /** The test's own media files, made by ffmpeg; removed afterwards. */
    Path files;

    Panel panel;
    Api api;
    Api.As admin;
    Tenant a;
    Tenant b;
    byte[] covered;
    byte[] ogg;

    @BeforeAll
    void setUp(Panel panel) throws Exception {
        this.panel = panel;
        files = Files.createTempDirectory("castpanel-media-it-");
        api = panel.api();
        admin = panel.admin();
        a = Fixtures.tenant(api, admin);
        b = Fixtures.tenant(api, admin);
        ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:duration=4",
                "-metadata",
                "title=First Light",
                "-metadata",
                "artist=The Testers",
                "-metadata",
                "album=Signals",
                "-metadata",
                "date=2021",
                "-c:a",
                "libmp3lame",
                "-b:a",
                "128k",
                "plain.mp3");
        ffmpeg("-f", "lavfi", "-i", "color=c=blue:s=48x48", "-frames:v", "1", "cover.png");
        ffmpeg(
                "-i",
                "plain.mp3",
                "-i",
                "cover.png",
                "-map",
                "0",
                "-map",
                "1",
                "-c",
                "copy",
                "-id3v2_version",
                "3",
                "-disposition:v",
                "attached_pic",
                "covered.mp3");
        ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=330:duration=2",
                "-metadata",
                "title=Ogg Melody",
                "-c:a",
                "libvorbis",
                "song.ogg");
        covered = Files.readAllBytes(files.resolve("covered.mp3"));
        ogg = Files.readAllBytes(files.resolve("song.ogg"));
    }

    @Test
    void anUploadDroppedHalfWayResumesAndTheFileIsIndexedWithItsTagsCoverAndLoudness() throws Exception {
        Tus tus = new Tus(api.base(), a.customerApi().token());
        Tus.Reply created = tus.create(a.customerId(), "Albums/Signals", "01 First Light.mp3", covered.length);
        assertEquals(201, created.status(), created.body());
        int half = covered.length / 2;
        tus.patchAndDrop(created.location(), covered, half);
        Await.until(
                "the panel kept the bytes that arrived before the drop",
                Duration.ofSeconds(10),
                () -> tus.head(created.location()).offset() == half);
        Tus.Reply wrongOffset = tus.patch(created.location(), 0, covered);
        assertEquals(409, wrongOffset.status(), "a PATCH must start at the upload's offset: " + wrongOffset.body());
        byte[] rest = java.util.Arrays.copyOfRange(covered, half, covered.length);
        Tus.Reply finished = tus.patch(created.location(), half, rest);
        assertEquals(204, finished.status(), finished.body());
        assertEquals(covered.length, finished.offset());
        assertNotNull(finished.mediaId());

        JsonNode file =
                a.customerApi().get("/media/" + finished.mediaId()).expect(200).body();
        assertEquals("Albums/Signals/01 First Light.mp3", file.get("path").asText());
        assertEquals("audio", file.get("kind").asText());
        assertEquals("First Light", file.get("title").asText());
        assertEquals("The Testers", file.get("artist").asText());
        assertEquals("Signals", file.get("album").asText());
        assertEquals(2021, file.get("year").asInt());
        assertTrue(Math.abs(file.get("durationMs").asLong() - 4000) < 150, file.toString());
        assertTrue(file.get("hasCover").asBoolean());
        double lufs = file.get("loudnessLufs").asDouble();
        assertTrue(lufs < -10 && lufs > -35, "EBU R128 loudness measured: " + lufs);

        Path onDisk = library(a.customerId()).resolve("Albums/Signals/01 First Light.mp3");
        assertArrayEquals(covered, Files.readAllBytes(onDisk), "the file is stored exactly as uploaded");
        assertArrayEquals(covered, bytes("/media/" + finished.mediaId() + "/content", a.customerApi()));
        byte[] cover = bytes("/media/" + finished.mediaId() + "/cover", a.customerApi());
        assertEquals((byte) 0x89, cover[0], "the embedded PNG");
        assertEquals('P', cover[1]);
        assertEquals(404, tus.head(created.location()).status(), "a finished upload is gone");

        JsonNode listing = a.resellerApi()
                .get("/accounts/" + a.customerId() + "/media?folder=Albums/Signals")
                .expect(200)
                .body();
        assertEquals(1, listing.at("/files/total").asInt(), "the reseller sees its customer's library");
        assertEquals(
                List.of("Albums"),
                names(a.customerApi()
                        .get("/accounts/" + a.customerId() + "/media")
                        .body()
                        .get("folders")));
    }

    @Test
    void tagsEditedInThePanelStayThroughARescanAndAreSearchable() throws Exception {
        Tus tus = new Tus(api.base(), a.customerApi().token());
        Tus.Reply up = tus.upload(a.customerId(), "Edit", "song.ogg", ogg);
        assertEquals(204, up.status(), up.body());
        Api.As customer = a.customerApi();
        JsonNode edited = customer.patch(
                        "/media/" + up.mediaId(),
                        Map.of("title", "Renamed Tune", "artist", "Someone Else", "year", 1999))
                .expect(200)
                .body();
        assertTrue(edited.get("tagsEdited").asBoolean());
        assertArrayEquals(ogg, Files.readAllBytes(library(a.customerId()).resolve("Edit/song.ogg")), "file untouched");
        customer.post("/accounts/" + a.customerId() + "/media/rescan", null).expect(200);
        JsonNode found = customer.get("/accounts/" + a.customerId() + "/media?q=renamed%20tune")
                .expect(200)
                .body();
        assertEquals(1, found.at("/files/total").asInt(), found.toString());
        assertEquals("Someone Else", found.at("/files/items/0/artist").asText());
        assertEquals(1999, found.at("/files/items/0/year").asInt());
        assertEquals(
                0,
                customer.get("/accounts/" + a.customerId() + "/media?q=melody")
                        .body()
                        .at("/files/total")
                        .asInt(),
                "the old title is gone from search");

        // rename and move the file, then move and delete its folder
        customer.post("/accounts/" + a.customerId() + "/media/folders", Map.of("path", "Edit/Moved"))
                .expect(201);
        JsonNode moved = customer.patch("/media/" + up.mediaId(), Map.of("name", "tune.ogg", "folder", "Edit/Moved"))
                .expect(200)
                .body();
        assertEquals("Edit/Moved/tune.ogg", moved.get("path").asText());
        assertTrue(Files.exists(library(a.customerId()).resolve("Edit/Moved/tune.ogg")));
        customer.post("/accounts/" + a.customerId() + "/media/folders/move", Map.of("from", "Edit", "to", "Edited"))
                .expect(200);
        assertEquals(
                "Edited/Moved/tune.ogg",
                customer.get("/media/" + up.mediaId()).expect(200).text("path"));
        customer.delete("/accounts/" + a.customerId() + "/media/folders?path=Edited")
                .expect(204);
        assertEquals(404, customer.get("/media/" + up.mediaId()).status());
        assertFalse(Files.exists(library(a.customerId()).resolve("Edited")));
    }

    @Test
    void aRescanIndexesFilesPutThereByOtherMeansAndDropsVanishedOnes() throws Exception {
        Path lib = library(a.customerId());
        Files.createDirectories(lib.resolve("Dropped"));
        Files.copy(files.resolve("plain.mp3"), lib.resolve("Dropped/by-hand.mp3"));
        Files.writeString(lib.resolve("Dropped/readme.mp3"), "not audio at all");
        JsonNode result = a.customerApi()
                .post("/accounts/" + a.customerId() + "/media/rescan", null)
                .expect(200)
                .body();
        assertTrue(result.get("added").asInt() >= 1, result.toString());
        assertTrue(result.get("unplayable").asInt() >= 1, result.toString());
        JsonNode listing = a.customerApi()
                .get("/accounts/" + a.customerId() + "/media?folder=Dropped")
                .body();
        assertEquals(List.of("by-hand.mp3"), names(listing.at("/files/items"), "name"));
        Files.delete(lib.resolve("Dropped/by-hand.mp3"));
        JsonNode again = a.customerApi()
                .post("/accounts/" + a.customerId() + "/media/rescan", null)
                .expect(200)
                .body();
        assertTrue(again.get("removed").asInt() >= 1, again.toString());
        assertEquals(
                0,
                a.customerApi()
                        .get("/accounts/" + a.customerId() + "/media?folder=Dropped")
                        .body()
                        .at("/files/total")
                        .asInt());
    }

    @Test
    void theDiskQuotaIsCheckedBeforeAnyByteIsStoredCountingUploadsInProgress() {
        Fixtures.DiskCustomer c = Fixtures.customerWithDisk(api, admin, 1);
        Api.As resellerApi = c.resellerApi();
        String customer = c.customer();
        long customerId = c.customerId();
        Tus tus = new Tus(api.base(), api.login(customer, Fixtures.PASSWORD).token());

        Tus.Reply tooBig = tus.create(customerId, null, "big.mp3", 2L * 1024 * 1024);
        assertEquals(422, tooBig.status());
        assertTrue(tooBig.body().contains("quota") && tooBig.body().contains("left"), tooBig.body());
        Tus.Reply first = tus.create(customerId, null, "first.mp3", 600 * 1024);
        assertEquals(201, first.status(), first.body());
        Tus.Reply second = tus.create(customerId, null, "second.mp3", 600 * 1024);
        assertEquals(422, second.status(), "the first upload's claim counts: " + second.body());
        JsonNode usage = resellerApi
                .get("/accounts/" + customerId + "/media/usage")
                .expect(200)
                .body();
        assertEquals(1024 * 1024, usage.get("quotaBytes").asLong());
        assertEquals(600 * 1024, usage.get("reservedBytes").asLong());
        assertEquals(204, tus.delete(first.location()).status());
        assertEquals(
                0,
                resellerApi
                        .get("/accounts/" + customerId + "/media/usage")
                        .body()
                        .get("reservedBytes")
                        .asLong());
        assertEquals(201, tus.create(customerId, null, "second.mp3", 600 * 1024).status(), "the claim went with it");
    }

    @Test
    void whatTheEnginesCannotPlayIsRefusedAndNotStored() throws Exception {
        Tus tus = new Tus(api.base(), a.customerApi().token());
        byte[] text = "#!/bin/sh\nrm -rf /\n".getBytes();
        Tus.Reply refused = tus.upload(a.customerId(), "Refused", "song.mp3", text);
        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("not stored"), refused.body());
        assertFalse(Files.exists(library(a.customerId()).resolve("Refused/song.mp3")));
        byte[] wav = wav();
        Tus.Reply wavReply = tus.upload(a.customerId(), "Refused", "tone.wav", wav);
        assertEquals(422, wavReply.status(), wavReply.body());
        try (Stream<Path> parts = Files.list(panel.storage().resolve("uploads"))) {
            assertEquals(List.of(), parts.toList(), "no half-files are left behind");
        }
    }

    @Test
    void namesThatLeadOutOfTheLibraryAreRefusedAndChangeNothing() throws Exception {
        Tus tus = new Tus(api.base(), a.customerApi().token());
        Api.As customer = a.customerApi();
        long id = a.customerId();
        List<String> failures = new ArrayList<>();
        for (String name : List.of(
                "../../etc/passwd",
                "/etc/passwd",
                "a/b.mp3",
                "..",
                ".hidden.mp3",
                "line\nbreak.mp3",
                "nul\u0000.mp3")) {
            Tus.Reply r = tus.create(id, null, name, 100);
            if (r.status() != 422 || !r.body().contains("\"field\":\"name\"")) {
                failures.add("upload name " + name + " -> " + r.status() + " " + r.body());
            }
        }
        for (String folder : List.of("../x", "a/../../x", "a//b", ".ssh")) {
            Tus.Reply r = tus.create(id, folder, "ok.mp3", 100);
            if (r.status() != 422 || !r.body().contains("\"field\":\"folder\"")) {
                failures.add("upload folder " + folder + " -> " + r.status() + " " + r.body());
            }
            Api.Reply f = customer.post("/accounts/" + id + "/media/folders", Map.of("path", folder));
            if (f.status() != 422) {
                failures.add("create folder " + folder + " -> " + f.status() + " " + f.raw());
            }
        }
        Tus.Reply ok = tus.upload(id, "Safe", "safe.ogg", ogg);
        assertEquals(204, ok.status(), ok.body());
        for (Map<String, Object> change : List.<Map<String, Object>>of(
                Map.of("name", "../../../escaped.ogg"), Map.of("folder", "../.."), Map.of("title", "bad\u0007bell"))) {
            Api.Reply r = customer.patch("/media/" + ok.mediaId(), change);
            if (r.status() != 422) {
                failures.add("patch " + change + " -> " + r.status() + " " + r.raw());
            }
        }
        Api.Reply move =
                customer.post("/accounts/" + id + "/media/folders/move", Map.of("from", "Safe", "to", "../../Safe"));
        if (move.status() != 422) {
            failures.add("move folder out -> " + move.status() + " " + move.raw());
        }
        // a symbolic link placed in the library (as SFTP could) leads nowhere
        Path outside = Files.createTempDirectory("castpanel-outside-");
        try {
            Files.writeString(outside.resolve("secret.txt"), "secret");
            Files.createSymbolicLink(library(id).resolve("Link"), outside);
            Api.Reply listLink = customer.get("/accounts/" + id + "/media?folder=Link");
            if (listLink.status() != 404) {
                failures.add("list through a symlink -> " + listLink.status());
            }
            customer.post("/accounts/" + id + "/media/rescan", null).expect(200);
            if (customer.get("/accounts/" + id + "/media?q=secret")
                            .body()
                            .at("/files/total")
                            .asInt()
                    != 0) {
                failures.add("a rescan followed a symbolic link");
            }
        } finally {
            Files.deleteIfExists(library(id).resolve("Link"));
            Files.deleteIfExists(outside.resolve("secret.txt"));
            Files.deleteIfExists(outside);
        }
        assertEquals(List.of(), failures);
        assertEquals(
                "Safe/safe.ogg",
                customer.get("/media/" + ok.mediaId()).expect(200).text("path"),
                "nothing moved");
        assertTrue(Files.exists(library(id).resolve("Safe/safe.ogg")));
    }

    @Test
    void anotherTenantsLibraryFilesAndUploadsAreNotFound() {
        Tus tusB = new Tus(api.base(), b.customerApi().token());
        Tus.Reply bFile = tusB.upload(b.customerId(), "Mine", "b.ogg", ogg);
        assertEquals(204, bFile.status(), bFile.body());
        Tus.Reply bUpload = tusB.create(b.customerId(), "Mine", "pending.ogg", ogg.length);
        assertEquals(201, bUpload.status());
        String bUploadId = bUpload.location().substring(bUpload.location().lastIndexOf('/') + 1);
        List<TenancyIT.Call> calls = List.of(
                new TenancyIT.Call("GET", "/accounts/{id}/media", null),
                new TenancyIT.Call("GET", "/accounts/{id}/media/usage", null),
                new TenancyIT.Call("POST", "/accounts/{id}/media/folders", Map.of("path", "Stolen")),
                new TenancyIT.Call("POST", "/accounts/{id}/media/folders/move", Map.of("from", "Mine", "to", "Stolen")),
                new TenancyIT.Call("DELETE", "/accounts/{id}/media/folders?path=Mine", null),
                new TenancyIT.Call("POST", "/accounts/{id}/media/rescan", null),
                new TenancyIT.Call("GET", "/media/{key}", null),
                new TenancyIT.Call("PATCH", "/media/{key}", Map.of("title", "stolen")),
                new TenancyIT.Call("DELETE", "/media/{key}", null),
                new TenancyIT.Call("GET", "/media/{key}/content", null),
                new TenancyIT.Call("GET", "/media/{key}/cover", null),
                new TenancyIT.Call("GET", "/uploads/" + bUploadId, null));
        List<String> failures = new ArrayList<>();
        for (Api.As caller : List.of(a.resellerApi(), a.customerApi())) {
            for (TenancyIT.Call call : calls) {
                String path = call.render(b.customerId(), Long.parseLong(bFile.mediaId()));
                Api.Reply r = caller.call(call.method(), path, call.body());
                if (r.status() != 404) {
                    failures.add(call.method() + " " + path + " -> " + r.status() + " " + r.raw());
                }
            }
            Tus tusA = new Tus(api.base(), caller.token());
            for (Tus.Reply r : List.of(
                    tusA.head(bUpload.location()),
                    tusA.patch(bUpload.location(), 0, ogg),
                    tusA.delete(bUpload.location()),
                    tusA.create(b.customerId(), null, "intruder.ogg", 10))) {
                if (r.status() != 404) {
                    failures.add("tus -> " + r.status() + " " + r.body());
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(0, tusB.head(bUpload.location()).offset(), "B's upload is untouched");
        JsonNode bAfter =
                b.customerApi().get("/media/" + bFile.mediaId()).expect(200).body();
        assertEquals("Mine/b.ogg", bAfter.get("path").asText());
        assertEquals("Ogg Melody", bAfter.get("title").asText());
        assertTrue(Files.exists(library(b.customerId()).resolve("Mine/b.ogg")));
        assertFalse(Files.exists(library(b.customerId()).resolve("Stolen")));
    }

    @Test
    void deletingAnAccountDeletesItsLibrary() {
        String name = Fixtures.unique("leaving");
        long leaving = Fixtures.account(a.resellerApi(), name, Map.of()).id();
        Tus tus = new Tus(api.base(), api.login(name, Fixtures.PASSWORD).token());
        assertEquals(204, tus.upload(leaving, "Keep", "song.ogg", ogg).status());
        Tus.Reply pending = tus.create(leaving, null, "half.ogg", ogg.length);
        assertEquals(201, pending.status());
        Path lib = library(leaving);
        assertTrue(Files.exists(lib.resolve("Keep/song.ogg")));
        a.resellerApi().delete("/accounts/" + leaving).expect(204);
        Await.until("the deleted account's library is gone", Duration.ofSeconds(20), () -> !Files.exists(lib));
        Await.until("and its unfinished upload", Duration.ofSeconds(20), () -> {
            try (Stream<Path> parts = Files.list(panel.storage().resolve("uploads"))) {
                String id = pending.location().substring(pending.location().lastIndexOf('/') + 1);
                return parts.noneMatch(p -> p.getFileName().toString().startsWith(id));
            } catch (IOException e) {
                return false;
            }
        });
    }

    @Test
    void badTusRequestsAreRefusedWithAClearMessage() {
        Tus tus = new Tus(api.base(), a.customerApi().token());
        assertEquals(
                400,
                tus.create(10, "filename " + java.util.Base64.getEncoder().encodeToString("x.mp3".getBytes()))
                        .status(),
                "no accountId");
        Tus.Reply noName = tus.create(10, Tus.metadata(Map.of("accountId", Long.toString(a.customerId()))));
        assertEquals(400, noName.status());
        assertTrue(noName.body().contains("filename"), noName.body());
        assertEquals(400, tus.create(10, "accountId !!notbase64").status());
        assertEquals(422, tus.create(a.customerId(), null, "zero.mp3", 0).status());
        Tus.Reply up = tus.create(a.customerId(), null, "short.ogg", 10);
        assertEquals(201, up.status());
        Tus.Reply tooMuch = tus.patch(up.location(), 0, new byte[20]);
        assertEquals(422, tooMuch.status(), "more bytes than declared: " + tooMuch.body());
        assertEquals(204, tus.delete(up.location()).status());
        Api.Reply noTus = api.call("POST", "/uploads", null, a.customerApi().token());
        assertEquals(412, noTus.status(), "the tus version is required: " + noTus.raw());
        assertEquals(
                401,
                new Tus(api.base(), null)
                        .create(a.customerId(), null, "x.mp3", 10)
                        .status());
    }

    @AfterAll
    void removeFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(files)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    // ---- helpers

    private Path library(long accountId) {
        return panel.library(accountId);
    }

    private byte[] bytes(String path, Api.As as) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.base() + path))
                                .header("Authorization", "Bearer " + as.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    private byte[] wav() throws Exception {
        ffmpeg("-f", "lavfi", "-i", "sine=duration=1", "tone.wav");
        return Files.readAllBytes(files.resolve("tone.wav"));
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private void ffmpeg(String... args) {
        MediaFiles.ffmpeg(files, args);
    }
}
