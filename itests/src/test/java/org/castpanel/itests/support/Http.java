/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;

/** Plain HTTP checks against what engines serve (HLS, stats pages), outside the panel's API. */
public final class Http {

    private Http() {}

    /** The status of a GET, or -1 when nothing answers. */
    public static int status(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            return connection.getResponseCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The body of a GET answered 200 (sent as player {@code userAgent}), or "" for anything else. */
    public static String body(String url, String userAgent) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            connection.setRequestProperty("User-Agent", userAgent);
            if (connection.getResponseCode() != 200) {
                return "";
            }
            try (java.io.InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            return "";
        }
    }
}
