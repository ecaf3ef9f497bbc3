/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import java.time.Instant;
import java.util.List;

import javax.persistence.TypedQuery;

import org.castpanel.core.api.AuditEntry;
import org.castpanel.core.api.AuditService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.Page;
import org.castpanel.core.api.Paging;
import org.castpanel.persistence.AuditEntity;
import org.castpanel.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = AuditService.class)
public class AuditServiceImpl implements AuditService {

    private final Store store;

    @Activate
    public AuditServiceImpl(final @Reference Store store) {
        this.store = store;
    }

    @Override
    public void record(
            Caller caller, String action, String targetType, Long targetId, String targetPath, String detail) {
        store.write(em -> {
            Audit.write(store, em, caller, action, targetType, targetId, targetPath, detail);
            return null;
        });
    }

    @Override
    public Page<AuditEntry> list(Caller caller, String action, Long actorId, Long targetId, int page, int size) {
        int pageSize = Paging.size(size);
        int pageNo = Paging.page(page);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (!caller.isAdministrator()) {
            // a reseller sees what happened in its subtree and what it did itself
            where.append(" AND (e.targetPath LIKE :prefix OR e.actorPath LIKE :prefix OR e.actorId = :self)");
        }
        if (action != null && !action.isBlank()) {
            where.append(" AND e.action LIKE :action");
        }
        if (actorId != null) {
            where.append(" AND e.actorId = :actorId");
        }
        if (targetId != null) {
            where.append(" AND e.targetId = :targetId");
        }
        return store.read(em -> {
            TypedQuery<AuditEntity> rows =
                    em.createQuery("SELECT e FROM AuditEntity e" + where + " ORDER BY e.id DESC", AuditEntity.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM AuditEntity e" + where, Long.class);
            for (TypedQuery<?> q : List.of(rows, count)) {
                if (!caller.isAdministrator()) {
                    q.setParameter("prefix", Paging.likePrefix(caller.path()));
                    q.setParameter("self", caller.accountId());
                }
                if (action != null && !action.isBlank()) {
                    q.setParameter("action", Paging.likePrefix(action));
                }
                if (actorId != null) {
                    q.setParameter("actorId", actorId);
                }
                if (targetId != null) {
                    q.setParameter("targetId", targetId);
                }
            }
            List<AuditEntry> items =
                    rows.setFirstResult(pageNo * pageSize).setMaxResults(pageSize).getResultList().stream()
                            .map(e -> toEntry(e, caller))
                            .toList();
            return new Page<>(items, pageNo, pageSize, count.getSingleResult());
        });
    }

    /** Where a change came from (an IP address) is shown to administrators, and to the one who made it. */
    private static AuditEntry toEntry(AuditEntity e, Caller caller) {
        boolean originShown =
                caller.isAdministrator() || e.actorId != null && e.actorId.longValue() == caller.accountId();
        return new AuditEntry(
                e.id,
                Instant.ofEpochMilli(e.at),
                e.actorId,
                e.actorUsername,
                e.impersonatorId,
                e.action,
                e.targetType,
                e.targetId,
                e.detail,
                originShown ? e.origin : null);
    }
}
