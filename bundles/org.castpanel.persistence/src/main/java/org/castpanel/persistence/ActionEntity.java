/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.castpanel.core.api.ActionStatus;
import org.castpanel.core.api.ActionType;

/**
 * A row of cp_action: the durable queue. Written in the same transaction as the change that
 * caused it; a service's actions run in id order. Rows stay after the service is deleted, as its
 * history. Only the action queue (org.castpanel.queue) writes these rows.
 */
@Entity
@Table(name = "cp_action")
public class ActionEntity {
    @Id
    public long id;

    @Column(name = "service_id")
    public long serviceId;

    @Column(name = "owner_path")
    public String ownerPath;

    public String node;

    @Enumerated(EnumType.STRING)
    public ActionType action;

    @Enumerated(EnumType.STRING)
    public ActionStatus status;

    public int attempts;
    public String message;

    @Column(name = "requested_by")
    public Long requestedBy;

    @Column(name = "not_before")
    public long notBefore;

    @Column(name = "created_at")
    public long createdAt;

    @Column(name = "started_at")
    public Long startedAt;

    @Column(name = "finished_at")
    public Long finishedAt;
}
