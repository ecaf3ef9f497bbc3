/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

/**
 * What a playlist plays: every audio file below a library {@code folder} ("" is the whole
 * library; resolved when played, so new uploads join), or one {@code track} (a media file id).
 * Exactly one of the two is set.
 */
public record PlaylistEntry(String folder, Long track) {}
