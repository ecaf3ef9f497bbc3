/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.shoutcast.internal;

import java.util.ArrayList;
import java.util.List;

import org.castpanel.engine.api.ListenerInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the DNAS's JSON: {@code /statistics?json=1} and {@code admin.cgi?mode=viewjson&page=3}. */
final class ShoutcastStats {

    /** One stream id as {@code /statistics} reports it; current and unique listeners kept apart. */
    record Stream(
            int id,
            String path,
            int listeners,
            int peakListeners,
            int uniqueListeners,
            int bitrateKbps,
            boolean sourceConnected,
            String songTitle) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShoutcastStats() {}

    static List<Stream> streams(String json) {
        List<Stream> streams = new ArrayList<>();
        for (JsonNode s : read(json).path("streams")) {
            streams.add(new Stream(
                    number(s.get("id")),
                    s.path("streampath").asText(""),
                    number(s.get("currentlisteners")),
                    number(s.get("peaklisteners")),
                    number(s.get("uniquelisteners")),
                    number(s.get("bitrate")),
                    number(s.get("streamstatus")) == 1,
                    emptyAsNull(s.path("songtitle").asText(""))));
        }
        return streams;
    }

    static List<ListenerInfo> listeners(String json, String mount) {
        List<ListenerInfo> listeners = new ArrayList<>();
        for (JsonNode l : read(json)) {
            listeners.add(new ListenerInfo(
                    l.path("hostname").asText(""),
                    emptyAsNull(l.path("useragent").asText("")),
                    number(l.get("connecttime")),
                    mount));
        }
        return listeners;
    }

    /** A count or bitrate, whether the DNAS wrote it as a number ({@code /statistics}) or a string ({@code /stats}). */
    static int number(JsonNode node) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (node.isNumber()) {
            return node.asInt();
        }
        try {
            return Integer.parseInt(node.asText().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the DNAS answered no JSON: " + e.getOriginalMessage());
        }
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
