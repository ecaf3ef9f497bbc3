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
 * A row of cp_audit. The actor's and target's hierarchy paths are copied in, so a reseller's view
 * of its subtree's entries stays a prefix match even after accounts are deleted.
 */
@Entity
@Table(name = "cp_audit")
public class AuditEntity {
    @Id
    public long id;

    public long at;

    @Column(name = "actor_id")
    public Long actorId;

    @Column(name = "actor_username")
    public String actorUsername;

    @Column(name = "actor_path")
    public String actorPath;

    @Column(name = "impersonator_id")
    public Long impersonatorId;

    public String action;

    @Column(name = "target_type")
    public String targetType;

    @Column(name = "target_id")
    public Long targetId;

    @Column(name = "target_path")
    public String targetPath;

    public String detail;
    public String origin;
}
