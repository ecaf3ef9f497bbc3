/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.liquidsoap.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every string of an injection corpus, written by {@link LiqString} into a script that the real
 * liquidsoap runs, comes back byte for byte as data: nothing in it was interpolated or parsed as code.
 */
class LiqStringTest {

    static final List<String> CORPUS = List.of(
            "plain",
            "Quote \" inside",
            "back\\slash and trailing \\",
            "new\nline and \r\n and \ttab",
            "#{shutdown()}",
            "##{{1+1}}",
            "#{",
            "ends with #",
            "\\x23{1+1} and \\043{2}",
            "it's 'single' and %s %d %{x} 100%",
            "\"); shutdown(); print(\"",
            "# a comment? no",
            "control \u0001\u0007\u001b\u007f chars",
            "Ünïcødé — 日本語 — 🎵",
            "line\u2028separator\u0085next",
            "");

    private Path dir;

    @BeforeEach
    void folder() throws IOException {
        dir = Files.createTempDirectory("liqstring");
    }

    @AfterEach
    void cleanUp() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** Runs a script with liquidsoap (as root it must say so); its output. */
    private String run(String body, boolean checkOnly) throws Exception {
        Path script = dir.resolve(checkOnly ? "check.liq" : "run.liq");
        Files.writeString(
                script,
                "settings.init.allow_root.set(true)\nsettings.log.stdout.set(false)\nsettings.log.file.set(false)\n"
                        + body + "shutdown()\n");
        Process liquidsoap = new ProcessBuilder(
                        checkOnly
                                ? List.of("liquidsoap", "--check", script.toString())
                                : List.of("liquidsoap", script.toString()))
                .redirectErrorStream(true)
                .start();
        byte[] output = liquidsoap.getInputStream().readAllBytes();
        assertTrue(liquidsoap.waitFor(60, TimeUnit.SECONDS), "liquidsoap finished");
        String text = new String(output, StandardCharsets.UTF_8);
        if (checkOnly) {
            assertEquals(0, liquidsoap.exitValue(), text);
        } else {
            // a script without outputs ends "nothing to do" (status 1) once its statements ran
            assertTrue(text.contains("No output defined"), text);
        }
        return text;
    }

    @Test
    void everyStringOfTheCorpusIsDataToTheRealLiquidsoap() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < CORPUS.size(); i++) {
            String literal = LiqString.of(CORPUS.get(i));
            assertFalse(literal.contains("\n"), "a literal stays on its line: " + literal);
            // a sentinel after the text: liquidsoap 2.1.3's file.write fails on empty data
            body.append("file.write(data=")
                    .append(literal)
                    .append(" ^ \"|\", ")
                    .append(LiqString.of(dir.resolve("out-" + i).toString()))
                    .append(")\n");
        }
        run(body.toString(), true); // --check runs the statements too
        for (int i = 0; i < CORPUS.size(); i++) {
            Files.deleteIfExists(dir.resolve("out-" + i));
        }
        run(body.toString(), false);
        for (int i = 0; i < CORPUS.size(); i++) {
            assertArrayEquals(
                    (CORPUS.get(i) + "|").getBytes(StandardCharsets.UTF_8),
                    Files.readAllBytes(dir.resolve("out-" + i)),
                    "string " + i + " came back as it was: " + CORPUS.get(i));
        }
    }

    /** What the writer guards against: a plain literal is interpolated, even through an escape. */
    @Test
    void aPlainLiteralWouldHaveRunTheCustomersCode() throws Exception {
        run(
                "file.write(data=\"a#{1+1}|\\x23{2+2}\", "
                        + LiqString.of(dir.resolve("naive").toString()) + ")\n",
                false);
        assertEquals("a2|4", Files.readString(dir.resolve("naive")));
    }
}
