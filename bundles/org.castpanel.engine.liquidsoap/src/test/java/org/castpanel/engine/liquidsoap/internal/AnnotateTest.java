/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.liquidsoap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The next-track answer as the real liquidsoap reads it at run time (from the panel over HTTP;
 * here from a file): every title of the corpus resolves, and comes back as the title was, a
 * {@code #{} pair with the word joiner in it.
 */
class AnnotateTest {

    private Path dir;

    @BeforeEach
    void folder() throws IOException {
        dir = Files.createTempDirectory("annotate");
    }

    @AfterEach
    void cleanUp() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void everyTitleOfTheCorpusResolvesAndComesBackAsItWas() throws Exception {
        Path track = dir.resolve("track.mp3");
        Process ffmpeg = new ProcessBuilder(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=duration=1",
                        "-c:a",
                        "libmp3lame",
                        track.toString())
                .start();
        assertTrue(ffmpeg.waitFor(30, TimeUnit.SECONDS) && ffmpeg.exitValue() == 0);
        List<String> titles =
                LiqStringTest.CORPUS.stream().filter(t -> !t.isEmpty()).toList();
        StringBuilder script = new StringBuilder(
                "settings.init.allow_root.set(true)\nsettings.log.stdout.set(false)\nsettings.log.file.set(false)\n");
        for (int i = 0; i < titles.size(); i++) {
            Files.writeString(
                    dir.resolve("uri-" + i), Annotate.request(Map.of("title", titles.get(i), "artist", "A"), track));
            script.append("r = request.create(file.contents(")
                    .append(LiqString.of(dir.resolve("uri-" + i).toString()))
                    .append("))\nok = request.resolve(r)\nm = request.metadata(r)\n")
                    .append("file.write(data=(if ok then m[\"title\"] else \"UNRESOLVED\" end) ^ \"|\", ")
                    .append(LiqString.of(dir.resolve("title-" + i).toString()))
                    .append(")\n");
        }
        Path file = dir.resolve("annotate.liq");
        Files.writeString(file, script + "shutdown()\n");
        Process liquidsoap = new ProcessBuilder("liquidsoap", file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(liquidsoap.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(liquidsoap.waitFor(60, TimeUnit.SECONDS), output);
        for (int i = 0; i < titles.size(); i++) {
            String expected = titles.get(i).replaceAll("\\p{Cntrl}", " ").replace("#{", "#\u2060{");
            assertEquals(expected + "|", Files.readString(dir.resolve("title-" + i)), "title " + i + ": " + output);
        }
    }

    @Test
    void keysAndFilesAreThePanelsAndRefusedWhenMalformed() {
        assertThrows(
                IllegalArgumentException.class, () -> Annotate.request(Map.of("ti tle", "x"), dir.resolve("a.mp3")));
        assertThrows(
                IllegalArgumentException.class, () -> Annotate.request(Map.of("title", "x"), dir.resolve("a\nb.mp3")));
    }
}
