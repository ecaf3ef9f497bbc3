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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.castpanel.engine.testkit.TestMedia;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The station script, with the injection corpus in every customer field, passes the real liquidsoap's --check. */
class StationScriptTest {

    private Path dir;

    @BeforeEach
    void folder() throws IOException {
        dir = Files.createTempDirectory("station");
    }

    @AfterEach
    void cleanUp() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private StationScript.Station station(boolean shoutcast, StationScript.Format format, String text)
            throws IOException {
        return new StationScript.Station(
                dir,
                "http://127.0.0.1:8181/castpanel/callbacks/autodj/secret/service-7",
                TestMedia.freePort(),
                "/live",
                2.5,
                "root".equals(System.getProperty("user.name")),
                new StationScript.Output(
                        shoutcast, "127.0.0.1", 8000, "/stream", "source", text, format, 128, text, text, text, text),
                shoutcast, // half the stations record their live shows and take SHOUTcast v1 DJs: both checked
                shoutcast ? TestMedia.freePort() : 0);
    }

    private String check(String script) throws Exception {
        Path file = dir.resolve("station.liq");
        Files.writeString(file, script);
        Process liquidsoap = new ProcessBuilder(StationScript.command("liquidsoap", file, true))
                .redirectErrorStream(true)
                .start();
        String output = new String(liquidsoap.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(liquidsoap.waitFor(60, TimeUnit.SECONDS), "liquidsoap --check finished");
        assertEquals(0, liquidsoap.exitValue(), output + "\n---\n" + script);
        return output;
    }

    @Test
    void everyEncodingAndBothProtocolsPassTheCheckWithTheCorpusInEveryText() throws Exception {
        List<String> corpus = LiqStringTest.CORPUS;
        int i = 0;
        for (boolean shoutcast : new boolean[] {false, true}) {
            for (StationScript.Format format : StationScript.Format.values()) {
                if (shoutcast && format == StationScript.Format.OPUS) {
                    continue; // Shoutcast carries MP3 and AAC
                }
                String text = corpus.get(i++ % corpus.size()) + corpus.get(i++ % corpus.size());
                String script = StationScript.write(station(shoutcast, format, text));
                assertEquals(shoutcast, script.contains("output.file(%mp3(bitrate=128)"), script);
                assertEquals(shoutcast, script.contains("icy=true"), script);
                check(script);
            }
        }
        // and all of it at once, in one field
        check(StationScript.write(station(false, StationScript.Format.MP3, String.join("", corpus))));
    }

    @Test
    void valuesThePlatformGivesAreCheckedToo() throws Exception {
        StationScript.Station good = station(false, StationScript.Format.MP3, "ok");
        StationScript.Output o = good.output();
        for (StationScript.Output bad : List.of(
                new StationScript.Output(
                        false,
                        "127.0.0.1\nx",
                        o.port(),
                        o.mount(),
                        o.user(),
                        o.password(),
                        o.format(),
                        128,
                        "n",
                        "d",
                        "g",
                        "u"),
                new StationScript.Output(
                        false, o.host(), 0, o.mount(), o.user(), o.password(), o.format(), 128, "n", "d", "g", "u"),
                new StationScript.Output(
                        false,
                        o.host(),
                        o.port(),
                        "/a\"b",
                        o.user(),
                        o.password(),
                        o.format(),
                        128,
                        "n",
                        "d",
                        "g",
                        "u"),
                new StationScript.Output(
                        false,
                        o.host(),
                        o.port(),
                        o.mount(),
                        o.user(),
                        o.password(),
                        o.format(),
                        4000,
                        "n",
                        "d",
                        "g",
                        "u"))) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> StationScript.write(new StationScript.Station(
                            dir, good.callbacks(), good.harborPort(), "/live", 2, false, bad)));
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> StationScript.write(
                        new StationScript.Station(dir, good.callbacks(), good.harborPort(), "/live", 99, false, o)));
    }
}
