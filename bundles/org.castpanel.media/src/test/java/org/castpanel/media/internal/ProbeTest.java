/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.castpanel.media.api.Cover;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe on real files made by ffmpeg (./castpanel test installs it). */
class ProbeTest {

    @TempDir
    static Path dir;

    static final Probe PROBE = new Probe("/usr/bin/ffprobe", "/usr/bin/ffmpeg");

    @BeforeAll
    static void makeFiles() throws Exception {
        ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:duration=2",
                "-metadata",
                "title=Tone; \"quoted\"",
                "-metadata",
                "artist=Ärtist",
                "-metadata",
                "album=Album",
                "-metadata",
                "genre=Test",
                "-metadata",
                "date=2019-05-01",
                "-c:a",
                "libmp3lame",
                "-b:a",
                "128k",
                "plain.mp3");
        ffmpeg("-f", "lavfi", "-i", "color=c=red:s=32x32", "-frames:v", "1", "cover.png");
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
                "sine=frequency=220:duration=2",
                "-metadata",
                "title=Vorbis tone",
                "-c:a",
                "libvorbis",
                "tone.ogg");
        ffmpeg("-f", "lavfi", "-i", "sine=duration=1", "-c:a", "flac", "tone.flac");
        ffmpeg("-f", "lavfi", "-i", "sine=duration=1", "tone.wav");
        ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=320x240:rate=25:duration=1",
                "-f",
                "lavfi",
                "-i",
                "sine=duration=1",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-c:a",
                "aac",
                "-shortest",
                "clip.mp4");
        Files.writeString(dir.resolve("notes.mp3"), "this is text with an .mp3 name\n");
    }

    @Test
    void anMp3GivesItsTagsDurationBitrateAndLoudness() {
        Probe.Facts f = PROBE.facts(dir.resolve("plain.mp3"));
        assertNull(f.refusal());
        assertEquals("audio", f.kind());
        assertEquals("mp3", f.codec());
        assertEquals("Tone; \"quoted\"", f.title());
        assertEquals("Ärtist", f.artist());
        assertEquals("Album", f.album());
        assertEquals("Test", f.genre());
        assertEquals(2019, f.year());
        assertEquals(44100, f.sampleRate());
        assertTrue(Math.abs(f.durationMs() - 2000) < 100, "about two seconds: " + f.durationMs());
        assertTrue(f.bitrateKbps() > 100 && f.bitrateKbps() < 160, "about 128 kbit/s: " + f.bitrateKbps());
        assertFalse(f.hasCover());
        double lufs = PROBE.loudness(dir.resolve("plain.mp3")).orElseThrow();
        // a full-scale-ish sine from lavfi (amplitude 1/8) measures about -21 LUFS
        assertTrue(lufs < -10 && lufs > -35, "integrated loudness " + lufs);
    }

    @Test
    void coverArtIsFoundAndCopiedOut() {
        Probe.Facts f = PROBE.facts(dir.resolve("covered.mp3"));
        assertEquals("audio", f.kind(), "an attached picture does not make a video");
        assertTrue(f.hasCover());
        Cover cover = PROBE.cover(dir.resolve("covered.mp3")).orElseThrow();
        assertEquals("image/png", cover.contentType());
        assertTrue(cover.data().length > 50);
        assertTrue(PROBE.cover(dir.resolve("plain.mp3")).isEmpty());
    }

    @Test
    void oggAndFlacAreAcceptedWithTheirStreamTags() {
        Probe.Facts ogg = PROBE.facts(dir.resolve("tone.ogg"));
        assertNull(ogg.refusal());
        assertEquals("vorbis", ogg.codec());
        assertEquals("Vorbis tone", ogg.title(), "Ogg keeps tags on the stream");
        Probe.Facts flac = PROBE.facts(dir.resolve("tone.flac"));
        assertNull(flac.refusal());
        assertEquals("flac", flac.codec());
    }

    @Test
    void namesFfmpegWouldReadAsOptionsOrProtocolsAreJustFiles() throws IOException {
        for (String name : List.of("-y.mp3", "concat:plain.mp3|covered.mp3", "http:host.mp3", "a;b $(id) `x`.mp3")) {
            Path odd = dir.resolve(name);
            Files.copy(dir.resolve("plain.mp3"), odd, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Probe.Facts f = PROBE.facts(odd);
            assertNull(f.refusal(), name + ": " + f.refusal());
            assertTrue(
                    Math.abs(f.durationMs() - 2000) < 100, name + " is read as the one file it is: " + f.durationMs());
            assertTrue(PROBE.loudness(odd).isPresent(), name);
        }
    }

    @Test
    void aVideoGivesItsResolution() {
        Probe.Facts f = PROBE.facts(dir.resolve("clip.mp4"));
        assertNull(f.refusal());
        assertEquals("video", f.kind());
        assertEquals("h264", f.codec());
        assertEquals(320, f.width());
        assertEquals(240, f.height());
        assertNotNull(f.durationMs());
    }

    @Test
    void whatTheEnginesCannotPlayIsRefusedByContentNotByName() {
        Probe.Facts wav = PROBE.facts(dir.resolve("tone.wav"));
        assertNotNull(wav.refusal());
        assertTrue(wav.refusal().contains("wav"), wav.refusal());
        Probe.Facts text = PROBE.facts(dir.resolve("notes.mp3"));
        assertNotNull(text.refusal(), "a text file named .mp3 is not an MP3");
        assertNull(text.kind());
    }

    private static void ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
        command.addAll(List.of(args));
        Process p =
                new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertEquals(0, p.waitFor(), "ffmpeg " + String.join(" ", args));
    }
}
