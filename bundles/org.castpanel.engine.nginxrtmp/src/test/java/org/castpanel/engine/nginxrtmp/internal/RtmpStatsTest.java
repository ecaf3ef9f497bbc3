/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.nginxrtmp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** stat-sample.xml is the /stat of a real nginx-rtmp 1.2.2 (Debian 12) with one encoder, the push and one player. */
class RtmpStatsTest {

    @Test
    void readsBothApplicationsStreamsAndClients() throws IOException {
        Map<String, RtmpStats.Stream> streams = RtmpStats.parse(sample());
        assertEquals(2, streams.size(), streams.keySet().toString());
        RtmpStats.Stream ingest = streams.get("ingest/service_42");
        assertTrue(ingest.publishing());
        assertEquals(171856, ingest.bytesIn());
        assertEquals(2, ingest.clients());
        RtmpStats.Stream live = streams.get("live/service_42");
        assertEquals(50785, live.bytesOut());
        List<RtmpStats.Client> players =
                live.clientList().stream().filter(c -> !c.publishing()).toList();
        assertEquals(1, players.size(), "the push publishes into live; the other client plays");
        assertEquals("127.0.0.1", players.get(0).address());
        assertEquals("LNX 9,0,124,2", players.get(0).flashver());
        assertEquals(1, players.get(0).seconds());
    }

    @Test
    void anIdleServerHasNoStreams() {
        assertTrue(RtmpStats.parse("<?xml version=\"1.0\"?><rtmp><server><application><name>ingest</name><live>"
                        + "<nclients>0</nclients></live></application></server></rtmp>")
                .isEmpty());
    }

    @Test
    void hlsViewersAreRecentAddressesAndBytesAddUp() {
        HlsLog log = new HlsLog(java.nio.file.Path.of("/nonexistent"));
        log.accept("1795448876.080 10.0.0.1 /hls/service_42/index.m3u8 180");
        log.accept("1795448878.500 10.0.0.2 /hls/service_42/3.ts 50000");
        log.accept("1795448879.000 10.0.0.1 /hls/service_7/index.m3u8 170");
        log.accept("1795448879.000 10.0.0.9 /hls/../secret 1");
        log.accept("garbage");
        assertEquals(List.of("10.0.0.2"), log.viewers(42, 1795448876_080L + HlsLog.VIEWER_WINDOW_MILLIS + 1));
        assertEquals(50180, log.bytes(42));
        assertEquals(List.of("10.0.0.1"), log.viewers(7, 1795448880_000L));
        assertFalse(log.viewers(42, 1795448900_000L).contains("10.0.0.1"), "older than the window");
    }

    private static String sample() throws IOException {
        try (InputStream in = RtmpStatsTest.class.getResourceAsStream("/stat-sample.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
