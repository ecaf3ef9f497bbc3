/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.icecast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.castpanel.engine.api.ListenerInfo;
import org.junit.jupiter.api.Test;

/** Parsing icecast 2.4's admin XML (shapes copied from a real icecast2 of Debian 12), and what is derived from it. */
class IcecastStatsTest {

    static final String STATS = "<?xml version=\"1.0\"?><icestats><clients>2</clients><listeners>1</listeners>"
            + "<source mount=\"/two\"><genre>various</genre><listener_peak>4</listener_peak><listeners>1</listeners>"
            + "<max_listeners>unlimited</max_listeners><stream_start_iso8601>2026-11-23T15:47:46+0000</stream_start_iso8601>"
            + "<title>A &amp; B</title><total_bytes_read>113400</total_bytes_read><total_bytes_sent>900</total_bytes_sent>"
            + "</source><source mount=\"/live\"><listeners>2</listeners><total_bytes_sent>5</total_bytes_sent></source>"
            + "</icestats>";

    @Test
    void readsEverySourceBlock() {
        Map<String, IcecastStats.Source> sources = IcecastStats.sources(STATS);
        assertEquals(List.of("/two", "/live"), List.copyOf(sources.keySet()));
        IcecastStats.Source two = sources.get("/two");
        assertEquals(1, two.listeners());
        assertEquals(4, two.peakListeners());
        assertEquals(113400, two.bytesRead());
        assertEquals(900, two.bytesSent());
        assertEquals("A & B", two.title());
        assertEquals(2, sources.get("/live").listeners());
    }

    @Test
    void readsListenersWithEscapedAgents() {
        List<ListenerInfo> listeners = IcecastStats.listeners("<?xml version=\"1.0\"?><icestats><source mount=\"/two\">"
                + "<Listeners>1</Listeners><listener><IP>127.0.0.1</IP><UserAgent>Agent &lt;x&gt; &amp; co</UserAgent>"
                + "<Connected>7</Connected><ID>12</ID></listener></source></icestats>");
        assertEquals(List.of(new ListenerInfo("127.0.0.1", "Agent <x> & co", 7, "/two")), listeners);
    }

    @Test
    void bitrateIsMeasuredBetweenCounterChangesAtLeastAWindowApart() {
        BitrateWatch watch = new BitrateWatch();
        long s = 1_000_000_000L;
        assertFalse(watch.observe("/a", "t0", 100_000, 0).isPresent(), "first reading: when it was counted is unknown");
        assertFalse(watch.observe("/a", "t0", 220_000, 3 * s).isPresent(), "first change: the baseline");
        assertFalse(watch.observe("/a", "t0", 220_000, 6 * s).isPresent(), "no change");
        assertFalse(watch.observe("/a", "t0", 340_000, 8 * s).isPresent(), "window not closed");
        OptionalDouble kbps = watch.observe("/a", "t0", 460_000, 13 * s);
        assertTrue(kbps.isPresent());
        assertEquals(192.0, kbps.getAsDouble(), 0.01, "240,000 bytes in 10 s");
        assertFalse(watch.observe("/a", "t1", 1_000, 14 * s).isPresent(), "a new stream starts over");
    }

    @Test
    void transferCountsOnlyGrowthAndSurvivesReconnects() {
        TransferCounter counter = new TransferCounter();
        assertEquals(0, counter.add(Map.of("/a", source("/a", 1_000))), "a baseline: sent before this handler");
        assertEquals(500, counter.add(Map.of("/a", source("/a", 1_500))));
        assertEquals(700, counter.add(Map.of("/a", source("/a", 200))), "the source reconnected: counts from zero");
        assertEquals(800, counter.add(Map.of("/a", source("/a", 200), "/b", source("/b", 100))), "a new mount");
        assertEquals(850, counter.add(Map.of("/b", source("/b", 150))), "a mount that left takes nothing away");
    }

    private static IcecastStats.Source source(String mount, long sent) {
        return new IcecastStats.Source(mount, 0, 0, sent, 0, null, null);
    }
}
