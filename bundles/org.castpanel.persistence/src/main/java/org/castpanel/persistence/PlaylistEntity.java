/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A row of cp_autodj_playlist: one playlist of an AutoDJ service. {@code entries} is a JSON array
 * of what it plays ({@code {"folder":"a/b"}} — resolved when played, so new uploads join — or
 * {@code {"track":id}}); {@code kind} and {@code playOrder} are the API's enum names.
 */
@Entity
@Table(name = "cp_autodj_playlist")
public class PlaylistEntity {
    @Id
    public long id;

    @Column(name = "service_id")
    public long serviceId;

    public String name;
    public String kind;
    public boolean enabled;
    public int weight;

    /** interval playlists: every this many songs of the rotation, or every this many minutes */
    @Column(name = "every_songs")
    public Integer everySongs;

    @Column(name = "every_minutes")
    public Integer everyMinutes;

    /** An interval playlist that plays once an hour, at the first track end from this minute on. */
    @Column(name = "at_minute")
    public Integer atMinute;

    /** A scheduled playlist's first start, local to the panel: {@code yyyy-MM-ddTHH:mm}. */
    @Column(name = "schedule_start")
    public String scheduleStart;

    /** How long each of its shows lasts. */
    @Column(name = "schedule_minutes")
    public Integer scheduleMinutes;

    /** NONE, DAILY, WEEKLY or MONTHLY. */
    @Column(name = "schedule_repeat")
    public String scheduleRepeat;

    /** Whether its show cuts the track on the air when it begins (else it begins at the next track). */
    public boolean interruptible;

    /** when it was last switched on: a play-once playlist plays what it has not played since */
    @Column(name = "enabled_at")
    public long enabledAt;

    @Column(name = "play_order")
    public String playOrder;

    public String entries;

    @Column(name = "crossfade_seconds")
    public Double crossfadeSeconds;

    @Column(name = "created_at")
    public long createdAt;

    @Column(name = "updated_at")
    public long updatedAt;

    @Version
    public long version;
}
