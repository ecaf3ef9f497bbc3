/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.queue.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.persistence.EntityManager;

import org.castpanel.core.api.ActionStatus;
import org.castpanel.core.api.ActionType;
import org.castpanel.core.api.AuditService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.Page;
import org.castpanel.core.api.PanelEvents;
import org.castpanel.core.api.ServiceAction;
import org.castpanel.events.api.Outbox;
import org.castpanel.persistence.ActionEntity;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.Store;
import org.castpanel.queue.api.ActionQueue;
import org.castpanel.queue.api.QueuedAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ActionQueue} over cp_action; the only class that writes that table. */
@Component(service = ActionQueue.class)
public class ActionQueueImpl implements ActionQueue {

    private static final Logger LOG = LoggerFactory.getLogger(ActionQueueImpl.class);
    private static final List<ActionStatus> PENDING = List.of(ActionStatus.QUEUED, ActionStatus.RUNNING);
    private static final int MAX_PAGE = 200;

    private final Store store;
    private final AuditService audit;
    private final Outbox outbox;
    private final PanelEvents events;
    private final List<Runnable> wakers = new CopyOnWriteArrayList<>();

    @Activate
    public ActionQueueImpl(
            final @Reference Store store,
            final @Reference AuditService audit,
            final @Reference Outbox outbox,
            final @Reference PanelEvents events) {
        this.store = store;
        this.audit = audit;
        this.outbox = outbox;
        this.events = events;
    }

    @Override
    public ServiceAction enqueue(long serviceId, ActionType type, Caller actor, String reason) {
        return store.write(em -> {
            MediaServiceEntity s = em.find(MediaServiceEntity.class, serviceId);
            if (s == null) {
                throw new IllegalArgumentException("service " + serviceId + " does not exist");
            }
            ActionEntity a = new ActionEntity();
            a.id = store.nextId("cp_action");
            a.serviceId = s.id;
            a.ownerPath = s.ownerPath;
            a.node = s.node;
            a.action = type;
            a.status = ActionStatus.QUEUED;
            a.message = reason == null ? null : truncate(reason);
            a.requestedBy = actor == null || actor.isSystem() ? null : actor.accountId();
            a.createdAt = a.notBefore = System.currentTimeMillis();
            em.persist(a);
            audit.record(
                    actor,
                    "service.action",
                    "service",
                    s.id,
                    s.ownerPath,
                    reason == null ? type.name() : type.name() + ": " + reason);
            ServiceAction view = view(a);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("action", view);
            data.put("actor", actor == null ? null : actor.username());
            data.put("system", actor != null && actor.isSystem());
            outbox.record("action.queued", s.ownerPath, data);
            String ownerPath = s.ownerPath;
            store.afterCommit(() -> {
                events.publish(new PanelEvents.Event("action", ownerPath, view));
                wakers.forEach(Runnable::run);
            });
            return view;
        });
    }

    @Override
    public Optional<QueuedAction> find(long actionId) {
        return store.read(
                em -> Optional.ofNullable(em.find(ActionEntity.class, actionId)).map(ActionQueueImpl::queued));
    }

    @Override
    public Page<ServiceAction> ofService(long serviceId, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE));
        int pageNo = Math.max(0, page);
        return store.read(em -> {
            List<ServiceAction> items = em
                    .createQuery(
                            "SELECT a FROM ActionEntity a WHERE a.serviceId = :id " + "ORDER BY a.id DESC",
                            ActionEntity.class)
                    .setParameter("id", serviceId)
                    .setFirstResult(pageNo * pageSize)
                    .setMaxResults(pageSize)
                    .getResultList()
                    .stream()
                    .map(ActionQueueImpl::view)
                    .toList();
            long total = em.createQuery("SELECT COUNT(a) FROM ActionEntity a WHERE a.serviceId = :id", Long.class)
                    .setParameter("id", serviceId)
                    .getSingleResult();
            return new Page<>(items, pageNo, pageSize, total);
        });
    }

    @Override
    public Set<Long> servicesWithPendingActions(String node) {
        return store.read(em -> new HashSet<>(em.createQuery(
                        "SELECT DISTINCT a.serviceId FROM ActionEntity a "
                                + "WHERE a.node = :node AND a.status IN :pending",
                        Long.class)
                .setParameter("node", node)
                .setParameter("pending", PENDING)
                .getResultList()));
    }

    @Override
    public void ownerPathsMoved(String oldPrefix, String newPrefix) {
        store.write(em -> em.createQuery("UPDATE ActionEntity a SET a.ownerPath = CONCAT(:newPrefix, "
                        + "SUBSTRING(a.ownerPath, :from)) WHERE a.ownerPath LIKE CONCAT(:oldPrefix, '%')")
                // account paths are digits and slashes only: nothing in them needs LIKE escaping
                .setParameter("newPrefix", newPrefix)
                .setParameter("from", oldPrefix.length() + 1)
                .setParameter("oldPrefix", oldPrefix)
                .executeUpdate());
    }

    @Override
    public void serviceMoved(long serviceId, String ownerPath) {
        store.write(em -> em.createQuery("UPDATE ActionEntity a SET a.ownerPath = :path WHERE a.serviceId = :id")
                .setParameter("path", ownerPath)
                .setParameter("id", serviceId)
                .executeUpdate());
    }

    @Override
    public int resumeInterrupted(String node) {
        return store.write(em -> em.createQuery("UPDATE ActionEntity a SET a.status = :queued, "
                        + "a.message = :message WHERE a.status = :running AND a.node = :node")
                .setParameter("queued", ActionStatus.QUEUED)
                .setParameter("running", ActionStatus.RUNNING)
                .setParameter("message", "resumed after a panel restart")
                .setParameter("node", node)
                .executeUpdate());
    }

    @Override
    public List<QueuedAction> claim(String node, int max, Set<Long> busyServices) {
        if (max <= 0) {
            return List.of();
        }
        long now = System.currentTimeMillis();
        List<ActionEntity> candidates = store.read(em -> em.createQuery(
                        "SELECT a FROM ActionEntity a "
                                + "WHERE a.status = :queued AND a.node = :node AND a.notBefore <= :now AND NOT EXISTS ("
                                + "SELECT b FROM ActionEntity b WHERE b.serviceId = a.serviceId AND b.id < a.id "
                                + "AND b.status IN :pending) ORDER BY a.id",
                        ActionEntity.class)
                .setParameter("queued", ActionStatus.QUEUED)
                .setParameter("pending", PENDING)
                .setParameter("node", node)
                .setParameter("now", now)
                .setMaxResults(max * 4)
                .getResultList());
        List<QueuedAction> claimed = new ArrayList<>();
        for (ActionEntity a : candidates) {
            if (claimed.size() >= max || !busyServices.add(a.serviceId)) {
                continue;
            }
            int updated = store.write(em -> em.createQuery("UPDATE ActionEntity a SET a.status = :running, "
                            + "a.startedAt = :now, a.attempts = a.attempts + 1 WHERE a.id = :id AND a.status = :queued")
                    .setParameter("running", ActionStatus.RUNNING)
                    .setParameter("queued", ActionStatus.QUEUED)
                    .setParameter("now", now)
                    .setParameter("id", a.id)
                    .executeUpdate());
            if (updated == 1) {
                a.status = ActionStatus.RUNNING;
                a.startedAt = now;
                a.attempts++;
                QueuedAction q = queued(a);
                claimed.add(q);
                publish(q);
            } else {
                busyServices.remove(a.serviceId);
            }
        }
        return claimed;
    }

    @Override
    public void retryLater(long actionId, String message, Duration delay, boolean countAttempt) {
        store.write(em -> {
            ActionEntity a = running(em, actionId);
            a.status = ActionStatus.QUEUED;
            a.message = truncate(message);
            a.notBefore = System.currentTimeMillis() + delay.toMillis();
            if (!countAttempt) {
                a.attempts = Math.max(0, a.attempts - 1);
            }
            QueuedAction q = queued(a);
            store.afterCommit(() -> publish(q));
            return null;
        });
    }

    @Override
    public void finish(long actionId, ActionStatus outcome, String message) {
        if (outcome != ActionStatus.SUCCEEDED && outcome != ActionStatus.FAILED) {
            throw new IllegalArgumentException("an action finishes as SUCCEEDED or FAILED, not " + outcome);
        }
        store.write(em -> {
            ActionEntity a = running(em, actionId);
            a.status = outcome;
            a.message = message == null ? null : truncate(message);
            a.finishedAt = System.currentTimeMillis();
            QueuedAction q = queued(a);
            outbox.record("action.finished", a.ownerPath, Map.of("action", q.action()));
            store.afterCommit(() -> publish(q));
            return null;
        });
    }

    private static ActionEntity running(EntityManager em, long actionId) {
        ActionEntity a = em.find(ActionEntity.class, actionId);
        if (a == null) {
            throw new IllegalArgumentException("action " + actionId + " does not exist");
        }
        if (a.status != ActionStatus.RUNNING) {
            LOG.warn("Action {} ends from state {}, not RUNNING", actionId, a.status);
        }
        return a;
    }

    @Override
    public AutoCloseable onWork(Runnable wake) {
        wakers.add(wake);
        return () -> wakers.remove(wake);
    }

    private void publish(QueuedAction q) {
        events.publish(new PanelEvents.Event("action", q.ownerPath(), q.action()));
    }

    private static QueuedAction queued(ActionEntity a) {
        return new QueuedAction(view(a), a.ownerPath, a.node);
    }

    private static ServiceAction view(ActionEntity a) {
        return new ServiceAction(
                a.id,
                a.serviceId,
                a.action,
                a.status,
                a.attempts,
                a.message,
                a.requestedBy,
                Instant.ofEpochMilli(a.createdAt),
                a.startedAt == null ? null : Instant.ofEpochMilli(a.startedAt),
                a.finishedAt == null ? null : Instant.ofEpochMilli(a.finishedAt));
    }

    private static String truncate(String text) {
        return text.length() > 1000 ? text.substring(0, 997) + "…" : text;
    }
}
