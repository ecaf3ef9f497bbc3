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
 * A row of cp_autodj_play: a track an AutoDJ service was given to play ({@code chosenAt}, which
 * repeat protection counts from) and when it went on the air ({@code onAirAt}, null until the
 * station says so). The tags are copied, so the history stays true after a file is edited or
 * deleted. Instants are epoch milliseconds.
 */
@Entity
@Table(name = "cp_autodj_play")
public class PlayEntity {
    @Id
    public long id;

    @Column(name = "service_id")
    public long serviceId;

    @Column(name = "file_id")
    public long fileId;

    @Column(name = "playlist_id")
    public Long playlistId;

    /** the listener's request it answers (then {@code playlistId} is null) */
    @Column(name = "request_id")
    public Long requestId;

    public String title;
    public String artist;
    public String album;

    @Column(name = "chosen_at")
    public long chosenAt;

    @Column(name = "on_air_at")
    public Long onAirAt;
}
