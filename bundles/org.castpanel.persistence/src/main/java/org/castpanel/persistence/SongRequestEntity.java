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
 * A row of cp_autodj_request: a listener asked an AutoDJ station for a track of its library.
 * {@code requester} is a digest of the listener's address (for the per-listener limit; the address
 * itself is not kept); {@code playId} is set when the AutoDJ chose it (null: waiting). A queued
 * track is one the station's owner put next: it plays before everything else.
 */
@Entity
@Table(name = "cp_autodj_request")
public class SongRequestEntity {
    @Id
    public long id;

    @Column(name = "service_id")
    public long serviceId;

    @Column(name = "file_id")
    public long fileId;

    public String requester;

    @Column(name = "requested_at")
    public long requestedAt;

    @Column(name = "play_id")
    public Long playId;

    /** Put in the station's queue by its owner or a manager (no listener: {@code requester} is {@link #QUEUE}). */
    public boolean queued;

    /** The requester of a queued track. */
    public static final String QUEUE = "queue";
}
