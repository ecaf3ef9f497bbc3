/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence.testing;

import org.castpanel.persistence.Store;

/** Minimal valid rows for middle-layer tests: an account and a media service of it. */
public final class Rows {

    private final Store store;

    public Rows(Store store) {
        this.store = store;
    }

    /** A customer at the top of the hierarchy; answers its id (its path is "/id/"). */
    public long account(String username) {
        long id = store.nextId("cp_account");
        long now = System.currentTimeMillis();
        store.write(em -> em.createNativeQuery("INSERT INTO cp_account (id, username, username_lc, password_hash, "
                        + "name, account_type, enabled, api_access, accessibility, send_welcome_email, timezone, language, "
                        + "path, failed_logins, created_at, updated_at, version) VALUES (?, ?, ?, 'x', ?, 'CUSTOMER', TRUE, "
                        + "TRUE, FALSE, FALSE, 'UTC', 'en', ?, 0, ?, ?, 0)")
                .setParameter(1, id)
                .setParameter(2, username)
                .setParameter(3, username.toLowerCase())
                .setParameter(4, username)
                .setParameter(5, "/" + id + "/")
                .setParameter(6, now)
                .setParameter(7, now)
                .executeUpdate());
        return id;
    }

    /** A stopped service of {@code ownerId} on {@code node}; answers its id. */
    public long service(long ownerId, String node) {
        long id = store.nextId("cp_media_service");
        long now = System.currentTimeMillis();
        store.write(em -> em.createNativeQuery("INSERT INTO cp_media_service (id, owner_id, owner_path, engine_type, "
                        + "node, name, desired_state, state, suspended, deleting, config_json, created_at, updated_at, version) "
                        + "VALUES (?, ?, ?, 'test', ?, ?, 'STOPPED', 'STOPPED', FALSE, FALSE, '{}', ?, ?, 0)")
                .setParameter(1, id)
                .setParameter(2, ownerId)
                .setParameter(3, "/" + ownerId + "/")
                .setParameter(4, node)
                .setParameter(5, "service " + id)
                .setParameter(6, now)
                .setParameter(7, now)
                .executeUpdate());
        return id;
    }
}
