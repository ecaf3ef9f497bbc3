/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import javax.persistence.EntityManager;

import org.castpanel.core.api.Caller;
import org.castpanel.core.api.Validation;
import org.castpanel.persistence.AuditEntity;
import org.castpanel.persistence.Store;

/** Writes audit rows inside the caller's transaction, so a change and its record commit together. */
final class Audit {

    private Audit() {}

    static void write(
            Store store,
            EntityManager em,
            Caller caller,
            String action,
            String targetType,
            Long targetId,
            String targetPath,
            String detail) {
        AuditEntity row = new AuditEntity();
        row.id = store.nextId("cp_audit");
        row.at = System.currentTimeMillis();
        if (caller != null && caller.isSystem()) {
            row.actorUsername = caller.username();
            row.origin = caller.origin();
        } else if (caller != null) {
            row.actorId = caller.accountId();
            row.actorUsername = caller.username();
            row.actorPath = caller.path();
            row.impersonatorId = caller.impersonatorId();
            row.origin = caller.origin() == null ? null : Validation.abbreviate(caller.origin());
        }
        row.action = action;
        row.targetType = targetType;
        row.targetId = targetId;
        row.targetPath = targetPath;
        row.detail = detail == null ? null : (detail.length() > 2000 ? detail.substring(0, 2000) : detail);
        em.persist(row);
    }
}
