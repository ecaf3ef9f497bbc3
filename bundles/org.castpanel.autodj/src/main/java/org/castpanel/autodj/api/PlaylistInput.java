/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import java.util.List;

/** A playlist to create, or the changes to one (null: unchanged; on create, the default). */
public record PlaylistInput(
        String name,
        PlaylistKind kind,
        Boolean enabled,
        Integer weight,
        PlayOrder order,
        List<PlaylistEntry> entries,
        Double crossfadeSeconds) {}
