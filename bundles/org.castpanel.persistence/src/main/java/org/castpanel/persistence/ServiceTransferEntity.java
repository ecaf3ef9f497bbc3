/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A row of cp_service_transfer: the bytes a service sent to listeners in one calendar month ("2026-12", UTC). */
@Entity
@Table(name = "cp_service_transfer")
@IdClass(ServiceTransferEntity.Key.class)
public class ServiceTransferEntity {
    @Id
    @javax.persistence.Column(name = "service_id")
    public long serviceId;

    @Id
    public String period;

    public long bytes;

    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long serviceId;
        public String period;

        public Key() {}

        public Key(long serviceId, String period) {
            this.serviceId = serviceId;
            this.period = period;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.serviceId == serviceId && Objects.equals(k.period, period);
        }

        @Override
        public int hashCode() {
            return Objects.hash(serviceId, period);
        }
    }
}
