/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Real media for a video plugin's tests: ffmpeg publishing a test pattern and playing a stream,
 * stopped by {@link #close}, and a wait for a condition with a deadline.
 */
public final class TestMedia implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();

    /** ffmpeg sending a 320×240 H.264 test pattern at about {@code kbps} to {@code url}, for up to 2 minutes. */
    public Process publish(String url, int kbps) {
        return ffmpeg(
                "-re",
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=320x240:rate=25",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-tune",
                "zerolatency",
                "-g",
                "25",
                "-b:v",
                kbps + "k",
                "-maxrate",
                kbps + "k",
                "-bufsize",
                kbps + "k",
                "-t",
                "120",
                "-f",
                "flv",
                url);
    }

    /** ffmpeg playing {@code url} for {@code seconds}; its exit status says whether it was let in. */
    public Process play(String url, int seconds) {
        return ffmpeg("-i", url, "-t", Integer.toString(seconds), "-f", "null", "-");
    }

    private Process ffmpeg(String... args) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code process} ended within 30 s with a failure (an encoder or player refused). */
    public static boolean refused(Process process) throws InterruptedException {
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() != 0;
    }

    /** Polls {@code condition} every 100 ms until it holds; fails after 30 s naming {@code what}. */
    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, condition, () -> "");
    }

    /** The same, and a time-out also says what {@code state} tells then (logs, counters: for diagnosis). */
    public static void await(String what, BooleanSupplier condition, java.util.function.Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + " " + state.get());
            }
            Thread.sleep(100); // the polling interval, not a stand-in for the condition
        }
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
