/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.liquidsoap.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Liquidsoap's server protocol on a station's Unix socket: one command, its answer up to {@code END}. */
final class ControlSocket {

    private ControlSocket() {}

    /** The answer to {@code command}, or empty when nothing answers within 3 s. */
    static Optional<String> command(Path socket, String command) {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            StringBuilder answer = new StringBuilder();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < deadline && !answer.toString().contains("\nEND")) {
                if (channel.read(buffer) < 0) {
                    break;
                }
                buffer.flip();
                answer.append(StandardCharsets.UTF_8.decode(buffer));
                buffer.clear();
            }
            channel.write(ByteBuffer.wrap("quit\n".getBytes(StandardCharsets.UTF_8)));
            int end = answer.indexOf("\nEND");
            return end < 0
                    ? Optional.empty()
                    : Optional.of(answer.substring(0, end).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
