/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.liquidsoap.internal;

/**
 * Customer-controlled text as a Liquidsoap string expression that is data, never code.
 *
 * <p>Liquidsoap 2.1 expands {@code #{...}} inside string literals (double and single quotes
 * alike) and decodes its escapes ({@code \x23}, {@code \043}) before it looks for that
 * interpolation, so no escape can spell a harmless {@code #}. A text with {@code #{} in it is
 * therefore written as a concatenation that splits every such pair between two literals
 * ({@code ("a#" ^ "{b}")}); within a literal, backslash and double quote are escaped, line breaks
 * and tabs use their escapes and every other control character an octal one, so a literal always
 * ends on its own line where it began.
 */
final class LiqString {

    private LiqString() {}

    /** {@code text} as a Liquidsoap expression of type string. */
    static String of(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no text");
        }
        StringBuilder out = new StringBuilder();
        int pieces = 1;
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' && i > 0 && text.charAt(i - 1) == '#') {
                out.append("\" ^ \"");
                pieces++;
            }
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\%03o", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        return pieces == 1 ? out.toString() : "(" + out + ")";
    }
}
