/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of cp_outbox_listener: a durable listener, given the events written since it first registered. */
@Entity
@Table(name = "cp_outbox_listener")
public class OutboxListenerEntity {
    @Id
    public String listener;

    @Column(name = "registered_at")
    public long registeredAt;
}
