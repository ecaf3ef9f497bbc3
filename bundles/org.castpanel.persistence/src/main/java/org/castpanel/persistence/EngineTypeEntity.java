/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of cp_engine_type: whether administrators allow new services of a type. */
@Entity
@Table(name = "cp_engine_type")
public class EngineTypeEntity {
    @Id
    public String id;

    public boolean enabled;

    @Column(name = "updated_at")
    public long updatedAt;
}
