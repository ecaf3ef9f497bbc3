/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A row of cp_outbox_delivery: this listener has been given this event (it returned without failing). */
@Entity
@Table(name = "cp_outbox_delivery")
@IdClass(OutboxDeliveryEntity.Key.class)
public class OutboxDeliveryEntity {
    @Id
    public String listener;

    @Id
    @Column(name = "event_id")
    public long eventId;

    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String listener;
        public long eventId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.eventId == eventId && Objects.equals(k.listener, listener);
        }

        @Override
        public int hashCode() {
            return Objects.hash(listener, eventId);
        }
    }
}
