/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of cp_engine_server: a remote media server registered for an engine type on a node. */
@Entity
@Table(name = "cp_engine_server")
public class EngineServerEntity {
    @Id
    public long id;

    @Column(name = "engine_type")
    public String engineType;

    public String node;
    public String name;
    public String url;
    public String username;
    /** AES-GCM with the platform's key, base64 (iv + ciphertext); null when none is set. */
    @Column(name = "password_encrypted")
    public String passwordEncrypted;

    @Column(name = "public_host")
    public String publicHost;

    public boolean enabled;

    @Column(name = "health_state")
    public String healthState;

    @Column(name = "health_detail")
    public String healthDetail;

    @Column(name = "checked_at")
    public Long checkedAt;

    @Column(name = "created_at")
    public long createdAt;

    @Version
    public long version;
}
