/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import java.time.Instant;

/** A track a listener may request: from the station's enabled rotation playlists; {@code requestableAt} null: now. */
public record RequestableTrack(long id, String title, String artist, String album, Instant requestableAt) {}
