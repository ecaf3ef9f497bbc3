/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.castpanel.engine.api.platform.ConfigFiles;
import org.castpanel.engine.api.platform.DaemonThreads;
import org.castpanel.engine.api.platform.LocalHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

class LocalHttpAndDeleteTreeTest {

    @TempDir
    Path dir;

    @Test
    void getAnswersTheBodyOf200sAndNullOtherwise() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            boolean ok = exchange.getRequestURI().toString().equals("/status?x=1");
            byte[] body = ("auth=" + auth).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ok ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            assertEquals("auth=Basic abc", LocalHttp.get(port, "/status?x=1", "Basic abc"));
            assertEquals("auth=null", LocalHttp.get(port, "/status?x=1", null));
            assertNull(LocalHttp.get(port, "/missing", null), "not 200");
        } finally {
            server.stop(0);
        }
        assertNull(LocalHttp.get(server.getAddress().getPort(), "/status?x=1", null), "nothing answers");
    }

    @Test
    void deleteTreeRemovesEverythingButWhatALinkPointsTo() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "mine");
        Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
        Files.writeString(tree.resolve("file"), "x");
        Files.createSymbolicLink(dir.resolve("tree/a/link"), outside);
        ConfigFiles.deleteTree(dir.resolve("tree"));
        assertFalse(Files.exists(dir.resolve("tree")));
        assertTrue(Files.exists(outside.resolve("keep.txt")), "a link is removed, not followed");
        ConfigFiles.deleteTree(dir.resolve("tree")); // absent: nothing to do
    }

    @Test
    void daemonThreadsAreNamedAndDaemons() {
        Thread first = DaemonThreads.named("castpanel-x").newThread(() -> {});
        assertEquals("castpanel-x-1", first.getName());
        assertTrue(first.isDaemon());
    }
}
