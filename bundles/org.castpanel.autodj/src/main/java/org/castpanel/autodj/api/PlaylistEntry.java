/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

/**
 * What a playlist plays: every audio file below a library {@code folder} ("" is the whole
 * library), one {@code track} (a media file id), every track by an {@code artist}, or every track
 * of an {@code album} (by {@code artist} when that is given too). Folders, artists and albums are
 * resolved when played, so new uploads join; tags compare without case. Exactly one kind is set.
 */
public record PlaylistEntry(String folder, Long track, String artist, String album) {

    /** A folder or a track. */
    public PlaylistEntry(String folder, Long track) {
        this(folder, track, null, null);
    }
}
