/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.shoutcast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.castpanel.engine.api.ListenerInfo;
import org.junit.jupiter.api.Test;

/** Reading the DNAS's JSON as its documentation describes it. */
class ShoutcastStatsTest {

    @Test
    void readsEveryStreamOfStatisticsWithBitratesAsNumbersOrStrings() {
        String json = """
                {"totalstreams":2,"activestreams":1,"currentlisteners":3,"peaklisteners":4,"uniquelisteners":2,
                 "streams":[
                  {"id":1,"currentlisteners":3,"peaklisteners":4,"uniquelisteners":2,"bitrate":128,
                   "streamstatus":1,"songtitle":"Artist - Title","streampath":"/live"},
                  {"id":2,"currentlisteners":"0","peaklisteners":"1","uniquelisteners":"0","bitrate":"64",
                   "streamstatus":"0","songtitle":"","streampath":"/extra"}]}
                """;
        assertEquals(
                List.of(
                        new ShoutcastStats.Stream(1, "/live", 3, 4, 2, 128, true, "Artist - Title"),
                        new ShoutcastStats.Stream(2, "/extra", 0, 1, 0, 64, false, null)),
                ShoutcastStats.streams(json));
    }

    @Test
    void readsListenersOfViewjsonPage3() {
        String json = """
                [{"hostname":"192.0.2.7","useragent":"VLC/3.0","connecttime":42,"uid":5,"type":"HTTP/1.0"},
                 {"hostname":"192.0.2.8","useragent":"","connecttime":"7","uid":6}]
                """;
        assertEquals(
                List.of(
                        new ListenerInfo("192.0.2.7", "VLC/3.0", 42, "/live"),
                        new ListenerInfo("192.0.2.8", null, 7, "/live")),
                ShoutcastStats.listeners(json, "/live"));
    }

    @Test
    void theTransferEstimateIsListenersTimesBitrateOverTime() {
        TransferEstimate estimate = new TransferEstimate();
        assertEquals(0, estimate.add(256, 0), "the first reading is the baseline");
        // 2 listeners × 128 kbit/s for 10 s = 2,560 kbit = 320,000 bytes
        assertEquals(320_000, estimate.add(256, 10_000_000_000L));
        assertEquals(320_000, estimate.add(0, 20_000_000_000L), "nobody listening adds nothing");
    }
}
