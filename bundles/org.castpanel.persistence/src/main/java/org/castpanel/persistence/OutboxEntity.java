/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** A row of cp_outbox: an event that must reach its durable listeners, written with the change it reports. */
@Entity
@Table(name = "cp_outbox")
public class OutboxEntity {
    @Id
    public long id;

    public String type;

    @Column(name = "owner_path")
    public String ownerPath;
    /** The event's data as JSON. */
    @Lob
    public String payload;

    @Column(name = "created_at")
    public long createdAt;
}
