/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real media files for the tests, made by ffmpeg (./castpanel test installs it). */
public final class MediaFiles {

    private MediaFiles() {}

    /** Runs ffmpeg quietly in {@code dir} with these arguments (overwriting outputs); fails the test if it fails. */
    public static void ffmpeg(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .inheritIO()
                    .start();
            if (p.waitFor() != 0) {
                throw new AssertionError("ffmpeg " + String.join(" ", args) + " failed");
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run ffmpeg: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A tagged MP3 of a sine tone: {@code seconds} long, titled {@code title}. */
    public static Path mp3(Path dir, String name, String title, int seconds) {
        ffmpeg(
                dir,
                "-f",
                "lavfi",
                "-i",
                "sine=duration=" + seconds,
                "-metadata",
                "title=" + title,
                "-c:a",
                "libmp3lame",
                name);
        return dir.resolve(name);
    }
}
