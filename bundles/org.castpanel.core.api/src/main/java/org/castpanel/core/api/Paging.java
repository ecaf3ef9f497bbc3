/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.core.api;

/** Page bounds and LIKE patterns shared by the list queries. */
public final class Paging {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 200;

    private Paging() {}

    public static int size(int requested) {
        return requested <= 0 ? DEFAULT_SIZE : Math.min(requested, MAX_SIZE);
    }

    public static int page(int requested) {
        return Math.max(0, requested);
    }

    /** A LIKE pattern matching values that start with {@code prefix}, taken literally. */
    public static String likePrefix(String prefix) {
        return escapeLike(prefix) + "%";
    }

    public static String likeContains(String text) {
        return "%" + escapeLike(text) + "%";
    }

    private static String escapeLike(String text) {
        // '\' is the default escape character on H2 and MariaDB
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
