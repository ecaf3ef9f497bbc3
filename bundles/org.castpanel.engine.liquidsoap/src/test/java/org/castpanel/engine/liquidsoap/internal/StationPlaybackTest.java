/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.liquidsoap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.castpanel.engine.testkit.TestMedia;
import org.castpanel.simulator.dnas.DnasSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The station script on the air: the real liquidsoap asks a stand-in panel for each next track,
 * plays what it answers (an annotate: request with a quoted title) to a SHOUTcast server (the
 * DNAS simulator) and a listener there receives MP3 while the server shows the panel's title;
 * the panel's skip on the control socket ends the track and the next pick goes on the air.
 */
class StationPlaybackTest {

    private Path dir;
    private final List<Process> processes = new ArrayList<>();
    private HttpServer panel;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<String> onAir = new CopyOnWriteArrayList<>();

    @BeforeEach
    void folder() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "station-playback");
        dir.toFile().setExecutable(true, false);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : processes) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (panel != null) {
            panel.stop(0);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private Process start(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.add(process);
        return process;
    }

    private Path tone(String name, int frequency) throws Exception {
        return tone(name, frequency, 4);
    }

    private Path tone(String name, int frequency, int seconds) throws Exception {
        Path file = dir.resolve(name);
        Process ffmpeg = new ProcessBuilder(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=" + frequency + ":duration=" + seconds,
                        "-c:a",
                        "libmp3lame",
                        "-b:a",
                        "64k",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        assertTrue(ffmpeg.waitFor(30, TimeUnit.SECONDS) && ffmpeg.exitValue() == 0, "ffmpeg made " + name);
        return file;
    }

    /** What the station and the DNAS said, for a failure message. */
    private String diagnosis() {
        return "(the panel was asked " + asked.size() + " times); liquidsoap said: " + about("next")
                + tail("liquidsoap.out") + tail("liquidsoap.out") + "; the DNAS: " + tail("dnas.out")
                + tail("sc_serv.log");
    }

    /** The station's log lines about one of its sources. */
    private String about(String source) {
        try (Stream<String> lines = Files.lines(dir.resolve("liquidsoap.out"))) {
            return String.join(
                            "\n",
                            lines.filter(l -> l.contains("[" + source))
                                    .limit(20)
                                    .toList()) + "\n";
        } catch (IOException e) {
            return "";
        }
    }

    private String tail(String file) {
        try {
            String text = Files.readString(dir.resolve(file));
            return text.substring(Math.max(0, text.length() - 1500));
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }

    private static String get(String url) {
        try (InputStream in = new URL(url).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void theStationPlaysWhatThePanelChoosesWithItsMetadataAndSkipsWhenTold() throws Exception {
        // a long track: only a skip brings the next one within the test
        Path alpha = tone("alpha.mp3", 440, 90);
        Path fallback = tone("fallback.mp3", 220);
        Files.writeString(dir.resolve("fallback.m3u"), fallback + "\n");
        String title = "Panel's \"pick\" \\ %s";

        AtomicInteger next = new AtomicInteger();
        panel = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        panel.createContext("/next", exchange -> {
            asked.add(exchange.getRequestURI().toString());
            byte[] answer = Annotate.request(
                            Map.of(
                                    "title",
                                    title + " " + next.incrementAndGet(),
                                    "artist",
                                    "CastPanel",
                                    "castpanel_play",
                                    Integer.toString(next.get())),
                            alpha)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        panel.createContext("/on-air", exchange -> {
            onAir.add(exchange.getRequestURI().getQuery());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        panel.start();
        String base = "http://127.0.0.1:" + panel.getAddress().getPort();

        int portbase = TestMedia.freePort();
        Path config = dir.resolve("sc_serv.conf");
        Files.writeString(
                config,
                "portbase=" + portbase + "\npassword=src-pass\nadminpassword=adm-pass\nlogfile="
                        + dir.resolve("sc_serv.log") + "\nstreamid_1=1\nstreampath_1=/stream\n");
        Path launcher = DnasSimulator.install(dir.resolve("dnas"));
        start(List.of(launcher.toString(), config.toString()), dir.resolve("dnas.out"));
        TestMedia.await(
                "the DNAS to answer",
                () -> !get("http://127.0.0.1:" + portbase + "/statistics?json=1")
                        .isEmpty(),
                this::diagnosis);

        Path script = dir.resolve("station.liq");
        Files.writeString(
                script,
                StationScript.write(new StationScript.Station(
                        dir,
                        base,
                        TestMedia.freePort(),
                        "/live",
                        0.5,
                        "root".equals(System.getProperty("user.name")),
                        new StationScript.Output(
                                true,
                                "127.0.0.1",
                                portbase,
                                "/stream",
                                "source",
                                "src-pass",
                                StationScript.Format.MP3,
                                64,
                                "Station",
                                "",
                                "Genre",
                                "http://example.net"))));
        start(StationScript.command("liquidsoap", script, false), dir.resolve("liquidsoap.out"));

        String stats = "http://127.0.0.1:" + portbase + "/stats?sid=1&json=1";
        TestMedia.await(
                "the panel's pick on the air",
                () -> get(stats).contains("\"streamstatus\":1") && get(stats).contains("pick"),
                this::diagnosis);
        String shown = get(stats);
        assertTrue(
                shown.contains("CastPanel - Panel's \\\"pick\\\" \\\\ %s"),
                "the title arrived as the panel gave it, nothing interpolated: " + shown);
        assertTrue(asked.size() >= 1, "liquidsoap asked the panel");
        TestMedia.await(
                "the station to say which pick went on the air", () -> onAir.contains("play=1"), this::diagnosis);
        try (InputStream listener = new URL("http://127.0.0.1:" + portbase + "/stream").openStream()) {
            byte[] audio = listener.readNBytes(8192);
            int syncs = 0;
            for (int i = 0; i + 1 < audio.length; i++) {
                if ((audio[i] & 0xFF) == 0xFF && (audio[i + 1] & 0xE0) == 0xE0) {
                    syncs++;
                }
            }
            assertEquals(8192, audio.length);
            assertTrue(syncs >= 3, "the listener receives MP3");
        }

        TestMedia.await("the station to have the next pick ready", () -> next.get() >= 2, this::diagnosis);
        assertEquals(
                java.util.Optional.of("skipped"), ControlSocket.command(dir.resolve("liquidsoap.sock"), "autodj.skip"));
        TestMedia.await(
                "a pick made after the skip on the air, long before the 90 s track ends",
                () -> onAir.contains("play=3"),
                this::diagnosis);
        assertFalse(onAir.contains("play=2"), "the pick made before the skip was dropped: " + onAir);
    }
}
