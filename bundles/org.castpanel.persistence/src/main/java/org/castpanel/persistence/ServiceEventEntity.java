/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of cp_service_event: something that happened to a service outside an action (a crash, a restart by the reconciler). */
@Entity
@Table(name = "cp_service_event")
public class ServiceEventEntity {
    @Id
    public long id;

    @Column(name = "service_id")
    public long serviceId;

    public long at;
    public String message;
}
