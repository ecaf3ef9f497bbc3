/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.simulator.media;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A URL's query as the simulators read it: names to their (first) decoded values. */
public final class HttpQuery {

    private HttpQuery() {}

    public static Map<String, String> parse(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
