/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A SHOUTcast v1 source client, as Winamp's DSP and older encoders connect (ffmpeg speaks only the
 * Icecast protocol): to the port after the one it is given, the password on a line, "OK2" back,
 * its icy- headers, then MP3 — here ffmpeg's, in real time.
 */
public final class IcySource implements AutoCloseable {

    private final Socket socket;
    private final String reply;
    private Process ffmpeg;
    private Thread pump;

    private IcySource(Socket socket, String reply) {
        this.socket = socket;
        this.reply = reply;
    }

    /** Connects to {@code port + 1} with {@code password}; streams when the server answered OK2. */
    public static IcySource connect(String host, int port, String password) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port + 1), 5_000);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write((password + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        IcySource source = new IcySource(socket, readReply(socket.getInputStream()));
        if (source.accepted()) {
            out.write(("icy-name:CastPanel test DJ\r\nicy-genre:test\r\nicy-pub:0\r\nicy-br:64\r\n"
                            + "content-type:audio/mpeg\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            source.stream(out);
        }
        return source;
    }

    /** The server's answer up to its blank line (or until it closed). */
    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            reply.write(b);
            String text = reply.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n") || text.endsWith("\n\n") || reply.size() > 4096) {
                break;
            }
        }
        return reply.toString(StandardCharsets.ISO_8859_1);
    }

    private void stream(OutputStream out) throws IOException {
        ffmpeg = new ProcessBuilder(
                        "ffmpeg",
                        "-nostdin",
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-re",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=880",
                        "-c:a",
                        "libmp3lame",
                        "-b:a",
                        "64k",
                        "-f",
                        "mp3",
                        "pipe:1")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        pump = new Thread(
                () -> {
                    try (InputStream audio = ffmpeg.getInputStream()) {
                        audio.transferTo(out); // ends when the server drops the source
                    } catch (IOException e) {
                        // dropped
                    } finally {
                        ffmpeg.destroy();
                    }
                },
                "icy-source");
        pump.setDaemon(true);
        pump.start();
    }

    /** Whether the server let the source in. */
    public boolean accepted() {
        return reply.startsWith("OK2");
    }

    public String reply() {
        return reply;
    }

    /** Whether it is still sending (the server has not dropped it). */
    public boolean streaming() {
        return pump != null && pump.isAlive();
    }

    @Override
    public void close() throws IOException {
        if (ffmpeg != null) {
            ffmpeg.destroyForcibly();
        }
        socket.close();
        if (pump != null) {
            try {
                pump.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
