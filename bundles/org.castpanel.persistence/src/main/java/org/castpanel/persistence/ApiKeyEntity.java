/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of cp_api_key: found by the SHA-256 of the key; the key itself is never stored. */
@Entity
@Table(name = "cp_api_key")
public class ApiKeyEntity {
    @Id
    public long id;

    @Column(name = "key_hash")
    public String keyHash;

    @Column(name = "account_id")
    public long accountId;

    public String label;
    public String prefix;

    @Column(name = "created_at")
    public long createdAt;

    @Column(name = "last_used_at")
    public Long lastUsedAt;
    /** null: the key does not expire */
    @Column(name = "expires_at")
    public Long expiresAt;
}
