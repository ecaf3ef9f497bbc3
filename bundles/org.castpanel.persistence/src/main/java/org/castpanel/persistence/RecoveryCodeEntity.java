/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of cp_recovery_code: a one-time two-factor recovery code, found by its SHA-256. */
@Entity
@Table(name = "cp_recovery_code")
public class RecoveryCodeEntity {
    @Id
    public long id;

    @Column(name = "account_id")
    public long accountId;

    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "used_at")
    public Long usedAt;
}
