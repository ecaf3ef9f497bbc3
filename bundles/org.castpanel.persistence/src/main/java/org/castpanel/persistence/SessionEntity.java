/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of cp_session: a login, found by the SHA-256 of its bearer token. */
@Entity
@Table(name = "cp_session")
public class SessionEntity {
    @Id
    public long id;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "account_id")
    public long accountId;

    @Column(name = "impersonator_id")
    public Long impersonatorId;

    public String origin;

    @Column(name = "created_at")
    public long createdAt;

    @Column(name = "expires_at")
    public long expiresAt;
}
