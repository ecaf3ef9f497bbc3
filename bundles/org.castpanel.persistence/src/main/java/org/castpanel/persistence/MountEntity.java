/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of cp_mount: an extra mount point of a media service (name unique per service). */
@Entity
@Table(name = "cp_mount")
public class MountEntity {
    @Id
    public long id;

    @Column(name = "service_id")
    public long serviceId;

    public String name;

    @Column(name = "max_listeners")
    public Integer maxListeners;

    @Column(name = "fallback_mount")
    public String fallbackMount;

    public boolean hidden;

    @Column(name = "stream_name")
    public String streamName;

    public String description;
    public String genre;

    @Column(name = "created_at")
    public long createdAt;
}
