/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.api;

/**
 * A partial change of a file: its tags (kept in the panel, the file stays as uploaded; a blank
 * value clears the tag), and a new name or folder (a rename or move of the file itself). Null
 * fields stay as they are.
 */
public record MediaFileChanges(
        String title, String artist, String album, String genre, Integer year, String name, String folder) {}
