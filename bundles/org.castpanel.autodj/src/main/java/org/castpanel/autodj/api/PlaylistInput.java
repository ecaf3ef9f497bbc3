/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import java.util.List;

/**
 * A playlist to create, or the changes to one (null: unchanged; on create, the default). An
 * interval playlist takes one of {@code everySongs} (1-100) and {@code everyMinutes} (1-1440); 0
 * clears one, to switch to the other.
 */
public record PlaylistInput(
        String name,
        PlaylistKind kind,
        Boolean enabled,
        Integer weight,
        Integer everySongs,
        Integer everyMinutes,
        PlayOrder order,
        List<PlaylistEntry> entries,
        Double crossfadeSeconds) {}
