/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Small GET requests from the panel to a daemon it runs on this machine: status pages, statistics,
 * admin endpoints. Short timeouts (1 s to connect, 3 s to answer), since callers poll and must not
 * hang on a daemon that is starting or stuck. Blocking.
 */
public final class LocalHttp {

    private LocalHttp() {}

    /**
     * The body of {@code http://127.0.0.1:port/path} (path with its leading slash and query), or
     * null when the daemon does not answer or answers other than 200. {@code authorization}, if not
     * null, is sent as the Authorization header.
     */
    public static String get(int port, String path, String authorization) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(3000);
            if (authorization != null) {
                connection.setRequestProperty("Authorization", authorization);
            }
            if (connection.getResponseCode() != 200) {
                return null;
            }
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return null;
        }
    }
}
