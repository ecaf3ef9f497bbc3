/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.liquidsoap.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The answer to the station's next-track request: an {@code annotate:} request URI that gives
 * the track's metadata (title, artist, the loudness override) with its file. Values are quoted
 * with backslash escapes, which Liquidsoap's annotate parser undoes; line breaks and other
 * control characters become spaces, as a listener's player would show them anyway.
 *
 * <p>Liquidsoap 2.1 reads annotate values with its script lexer, {@code #{...}} interpolation
 * included: a title with {@code #{} in it made the request fail (the track silently skipped), and
 * no escape avoids it. Such a pair is sent with an invisible WORD JOINER (U+2060) between its two
 * characters, which players show as the title was.
 */
final class Annotate {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private Annotate() {}

    static String request(Map<String, String> metadata, Path file) {
        StringBuilder uri = new StringBuilder("annotate:");
        boolean first = true;
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(metadata).entrySet()) {
            if (!KEY.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("not a metadata key: " + e.getKey());
            }
            if (!first) {
                uri.append(',');
            }
            first = false;
            uri.append(e.getKey()).append("=\"");
            for (char c : e.getValue().toCharArray()) {
                switch (c) {
                    case '\\' -> uri.append("\\\\");
                    case '"' -> uri.append("\\\"");
                    default -> uri.append(c < 0x20 || c == 0x7f ? ' ' : c);
                }
            }
            uri.append('"');
        }
        String withoutInterpolation = uri.toString().replace("#{", "#\u2060{");
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.toString().chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("a file name with a control character: " + absolute);
        }
        return withoutInterpolation + ':' + absolute;
    }
}
