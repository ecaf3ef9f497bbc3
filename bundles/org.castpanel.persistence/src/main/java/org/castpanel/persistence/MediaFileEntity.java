/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A row of cp_media_file: one file of a customer's media library, found at
 * {@code content/user_{accountId}/{folder}/{name}} ({@code folder} is "" at the top, else a
 * relative path with "/" and no leading or trailing slash). Instants are epoch milliseconds.
 */
@Entity
@Table(name = "cp_media_file")
public class MediaFileEntity {
    @Id
    public long id;

    @Column(name = "account_id")
    public long accountId;

    public String folder;
    public String name;

    /** "audio" or "video" */
    public String kind;

    @Column(name = "size_bytes")
    public long sizeBytes;

    /** the file's modification time when it was indexed: a rescan probes only what changed */
    @Column(name = "modified_at")
    public long modifiedAt;

    public String format;
    public String codec;

    @Column(name = "duration_ms")
    public Long durationMs;

    @Column(name = "bitrate_kbps")
    public Integer bitrateKbps;

    @Column(name = "sample_rate")
    public Integer sampleRate;

    public Integer channels;
    public Integer width;
    public Integer height;
    public String title;
    public String artist;
    public String album;
    public String genre;

    @Column(name = "release_year")
    public Integer year;

    @Column(name = "loudness_lufs")
    public Double loudnessLufs;

    @Column(name = "has_cover")
    public boolean hasCover;

    /** set once someone edits the tags in the panel: a rescan then keeps them */
    @Column(name = "tags_edited")
    public boolean tagsEdited;

    @Column(name = "search_text")
    public String searchText;

    @Column(name = "created_at")
    public long createdAt;

    @Column(name = "updated_at")
    public long updatedAt;
}
