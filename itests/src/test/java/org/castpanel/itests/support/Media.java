/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real media for the video engines' tests: ffmpeg encoders and players, and a plain nginx-rtmp
 * "sink" on {@link Panel#SINK_HOST} (a restreaming target, or a source to pull). Everything
 * started through one instance is stopped by {@link #close}.
 */
public final class Media implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();

    /** Runs a command of the test's (output discarded), stopped with the others. */
    public Process start(String... command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        processes.add(process);
        return process;
    }

    /** ffmpeg publishing a 320×240 test pattern with a tone (H.264 300 kbit/s, AAC) to {@code url} for up to 2 minutes. */
    public Process publish(String url) throws IOException {
        return start(
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
                "-tune",
                "zerolatency",
                "-g",
                "25",
                "-b:v",
                "300k",
                "-c:a",
                "aac",
                "-b:a",
                "64k",
                "-t",
                "120",
                "-f",
                "flv",
                url);
    }

    /** ffmpeg playing {@code url} for {@code seconds} (its exit status says whether it was let in). */
    /** An Icecast-protocol source (a DJ's encoder): a 1 kHz tone as 64 kbit/s MP3, until closed. */
    public Process icecastSource(String url) throws IOException {
        return start(
                "ffmpeg",
                "-nostdin",
                "-hide_banner",
                "-loglevel",
                "error",
                "-re",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=1000",
                "-c:a",
                "libmp3lame",
                "-b:a",
                "64k",
                "-content_type",
                "audio/mpeg",
                "-f",
                "mp3",
                url);
    }

    public Process play(String url, int seconds) throws IOException {
        return start(
                "ffmpeg",
                "-nostdin",
                "-hide_banner",
                "-loglevel",
                "error",
                "-i",
                url,
                "-t",
                Integer.toString(seconds),
                "-f",
                "null",
                "-");
    }

    /** A temporary folder of the test's, deleted by {@link #close}. */
    public Path folder(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        folders.add(folder);
        return folder;
    }

    /** A plain nginx-rtmp with one live application {@code sink} on SINK_HOST, and its stat page. */
    public record Sink(String rtmp, String stat) {

        /** Whether a stream of that name is on the sink now. */
        public boolean has(String stream) {
            return Http.body(stat, "castpanel-itest").contains("<name>" + stream + "</name>");
        }
    }

    public Sink sink() throws IOException {
        Path dir = folder("castpanel-it-sink-");
        int[] ports = Panel.freePorts(2);
        Files.writeString(
                dir.resolve("nginx.conf"),
                "load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;\n"
                        + "daemon off;\nmaster_process off;\npid " + dir.resolve("nginx.pid") + ";\nerror_log "
                        + dir.resolve("error.log") + ";\nevents {}\nrtmp { server { listen " + Panel.SINK_HOST + ":"
                        + ports[0] + "; application sink { live on; } } }\nhttp { access_log off; server { listen "
                        + "127.0.0.1:" + ports[1] + "; location /stat { rtmp_stat all; } } }\n");
        start(
                "/usr/sbin/nginx",
                "-p",
                dir.toString(),
                "-e",
                dir.resolve("error.log").toString(),
                "-c",
                dir.resolve("nginx.conf").toString());
        String stat = "http://127.0.0.1:" + ports[1] + "/stat";
        Await.until("the sink nginx", Duration.ofSeconds(20), () -> Http.status(stat) == 200);
        return new Sink("rtmp://" + Panel.SINK_HOST + ":" + ports[0] + "/sink", stat);
    }

    @Override
    public void close() throws IOException {
        for (Process p : processes) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        for (Path folder : folders) {
            if (Files.exists(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                }
            }
        }
        folders.clear(); // closing twice (a test's finally, then its @AfterEach) is fine
    }
}
