/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.nginxrtmp.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HLS viewers and bytes from nginx's HLS access log ({@code $msec $remote_addr $uri
 * $body_bytes_sent}), read from where the previous reading stopped. HLS is plain HTTP, so no
 * callback sees its viewers: a viewer is an address that fetched the stream's playlist or
 * segments in the last {@link #VIEWER_WINDOW_MILLIS}.
 */
final class HlsLog {

    static final long VIEWER_WINDOW_MILLIS = 20_000;
    private static final Pattern LINE = Pattern.compile("(\\d+)\\.(\\d+) (\\S+) /hls/service_(\\d+)/\\S* (\\d+)");

    private final Path file;
    private long offset;
    /** serviceId → address → last fetch (ms) */
    private final Map<Long, Map<String, Long>> seen = new HashMap<>();

    private final Map<Long, Long> bytes = new HashMap<>();

    HlsLog(Path file) {
        this.file = file;
    }

    /** Reads what nginx appended since the last call; a log that shrank (rotated) is read from its start. */
    synchronized void read() {
        if (!Files.exists(file)) {
            return;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            if (in.length() < offset) {
                offset = 0;
            }
            in.seek(offset);
            byte[] chunk = new byte[(int) Math.min(in.length() - offset, 16 * 1024 * 1024)];
            in.readFully(chunk);
            int end = lastNewline(chunk);
            offset += end;
            for (String line : new String(chunk, 0, end, StandardCharsets.UTF_8).split("\n")) {
                accept(line);
            }
        } catch (IOException e) {
            // unreadable now: the next call tries again from the same place
        }
    }

    private static int lastNewline(byte[] chunk) {
        for (int i = chunk.length - 1; i >= 0; i--) {
            if (chunk[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    void accept(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return;
        }
        long at = Long.parseLong(m.group(1)) * 1000 + Long.parseLong((m.group(2) + "00").substring(0, 3));
        long service = Long.parseLong(m.group(4));
        seen.computeIfAbsent(service, s -> new HashMap<>()).merge(m.group(3), at, Math::max);
        bytes.merge(service, Long.parseLong(m.group(5)), Long::sum);
    }

    /** Addresses that fetched the service's HLS in the window before {@code now}. */
    synchronized List<String> viewers(long serviceId, long now) {
        Map<String, Long> addresses = seen.getOrDefault(serviceId, Map.of());
        addresses.values().removeIf(at -> at < now - VIEWER_WINDOW_MILLIS);
        return List.copyOf(addresses.keySet());
    }

    /** Bytes served as HLS for the service since the panel started reading. */
    synchronized long bytes(long serviceId) {
        return bytes.getOrDefault(serviceId, 0L);
    }

    synchronized void forget(long serviceId) {
        seen.remove(serviceId);
        bytes.remove(serviceId);
    }
}
