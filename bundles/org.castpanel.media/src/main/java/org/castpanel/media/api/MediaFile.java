/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.api;

import java.time.Instant;

/**
 * One file of a library. {@code path} is {@code folder/name} ("" folder at the top); the tags are
 * those read from the file unless {@code tagsEdited}; {@code loudnessLufs} is the EBU R128
 * integrated loudness of an audio file.
 */
public record MediaFile(
        long id,
        long accountId,
        String folder,
        String name,
        String path,
        String kind,
        long sizeBytes,
        String format,
        String codec,
        Long durationMs,
        Integer bitrateKbps,
        Integer sampleRate,
        Integer channels,
        Integer width,
        Integer height,
        String title,
        String artist,
        String album,
        String genre,
        Integer year,
        Double loudnessLufs,
        boolean hasCover,
        boolean tagsEdited,
        Instant modifiedAt,
        Instant createdAt) {}
