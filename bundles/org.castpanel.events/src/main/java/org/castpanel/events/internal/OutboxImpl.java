/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.events.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.castpanel.events.api.Outbox;
import org.castpanel.events.api.OutboxEvent;
import org.castpanel.events.api.OutboxListener;
import org.castpanel.persistence.OutboxDeliveryEntity;
import org.castpanel.persistence.OutboxEntity;
import org.castpanel.persistence.OutboxListenerEntity;
import org.castpanel.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The outbox and its relay. One relay thread gives each durable listener its undelivered events
 * in id order; a listener that fails is retried with doubling back-off while the others go on.
 * Deliveries are recorded per event (ids are drawn before commit, so a later id can commit
 * first); a listener sees events from a minute before it first registered, for the same reason.
 */
@Component(service = Outbox.class, immediate = true, configurationPid = OutboxConfig.PID)
@Designate(ocd = OutboxConfig.class)
public class OutboxImpl implements Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxImpl.class);
    private static final int BATCH = 100;
    /** Commits may land out of id order by this much; a listener's history starts this early. */
    private static final long COMMIT_SKEW_MILLIS = 60_000;

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Store store;
    private final OutboxConfig config;
    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread relay;
    private volatile boolean stopping;
    private boolean signalled;
    private long nextPurge;

    /** A listener and where its deliveries stand in this run. */
    private static final class Subscriber {
        final OutboxListener listener;
        final long since;
        int failures;
        long notBefore;

        Subscriber(OutboxListener listener, long since) {
            this.listener = listener;
            this.since = since;
        }
    }

    @Activate
    public OutboxImpl(final @Reference Store store, final OutboxConfig config) {
        this.store = store;
        this.config = config;
        this.relay = new Thread(this::relay, "castpanel-outbox-relay");
        relay.setDaemon(true);
        relay.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        signal();
        relay.join(5000);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(OutboxListener listener) {
        String name = listener.name();
        long registeredAt = store.write(em -> {
            OutboxListenerEntity row = em.find(OutboxListenerEntity.class, name);
            if (row == null) {
                row = new OutboxListenerEntity();
                row.listener = name;
                row.registeredAt = System.currentTimeMillis();
                em.persist(row);
            }
            return row.registeredAt;
        });
        subscribers.put(name, new Subscriber(listener, registeredAt - COMMIT_SKEW_MILLIS));
        signal();
    }

    void removeListener(OutboxListener listener) {
        subscribers.remove(listener.name());
    }

    @Override
    public void record(String type, String ownerPath, Object data) {
        String payload;
        try {
            payload = JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the data of a " + type + " event is not JSON-serializable", e);
        }
        store.write(em -> {
            OutboxEntity row = new OutboxEntity();
            row.id = store.nextId("cp_outbox");
            row.type = type;
            row.ownerPath = ownerPath;
            row.payload = payload;
            row.createdAt = System.currentTimeMillis();
            em.persist(row);
            return null;
        });
        store.afterCommit(this::signal);
    }

    private void signal() {
        lock.lock();
        try {
            signalled = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void relay() {
        while (!stopping) {
            long wait = config.pollMillis();
            try {
                long now = System.currentTimeMillis();
                for (Subscriber s : subscribers.values()) {
                    if (s.notBefore <= now) {
                        deliverPending(s);
                    }
                    if (s.notBefore > now) {
                        wait = Math.min(wait, s.notBefore - now);
                    }
                }
                if (now >= nextPurge) {
                    purge(now);
                    nextPurge = now + 3_600_000;
                }
            } catch (RuntimeException e) {
                LOG.error("The outbox relay hit an error; it goes on", e);
            }
            awaitSignal(Math.max(1, wait));
        }
    }

    private void awaitSignal(long millis) {
        lock.lock();
        try {
            if (!signalled && !stopping) {
                wake.await(millis, TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    private void deliverPending(Subscriber s) {
        String name = s.listener.name();
        List<OutboxEntity> pending = store.read(em -> em.createQuery(
                        "SELECT o FROM OutboxEntity o "
                                + "WHERE o.createdAt >= :since AND NOT EXISTS (SELECT d FROM OutboxDeliveryEntity d "
                                + "WHERE d.listener = :listener AND d.eventId = o.id) ORDER BY o.id",
                        OutboxEntity.class)
                .setParameter("since", s.since)
                .setParameter("listener", name)
                .setMaxResults(BATCH)
                .getResultList());
        for (OutboxEntity row : pending) {
            if (stopping || subscribers.get(name) != s) {
                return;
            }
            try {
                s.listener.deliver(new OutboxEvent(
                        row.id, row.type, row.ownerPath, row.payload, Instant.ofEpochMilli(row.createdAt)));
            } catch (Exception e) {
                s.failures++;
                long backoff = Math.min(config.maxRetryMillis(), config.retryMillis() << Math.min(s.failures - 1, 20));
                s.notBefore = System.currentTimeMillis() + backoff;
                LOG.warn(
                        "Outbox listener {} failed on event {} ({}), attempt {}; next try in {} ms",
                        name,
                        row.id,
                        row.type,
                        s.failures,
                        backoff,
                        e);
                return;
            }
            s.failures = 0;
            s.notBefore = 0;
            store.write(em -> {
                OutboxDeliveryEntity d = new OutboxDeliveryEntity();
                d.listener = name;
                d.eventId = row.id;
                em.persist(d);
                return null;
            });
        }
        if (pending.size() == BATCH) {
            signal();
        }
    }

    private void purge(long now) {
        long cutoff = now - config.retentionDays() * 86_400_000L;
        int removed = store.write(em -> {
            em.createQuery("DELETE FROM OutboxDeliveryEntity d WHERE d.eventId IN "
                            + "(SELECT o.id FROM OutboxEntity o WHERE o.createdAt < :cutoff)")
                    .setParameter("cutoff", cutoff)
                    .executeUpdate();
            return em.createQuery("DELETE FROM OutboxEntity o WHERE o.createdAt < :cutoff")
                    .setParameter("cutoff", cutoff)
                    .executeUpdate();
        });
        if (removed > 0) {
            LOG.info("Removed {} outbox event(s) older than {} days", removed, config.retentionDays());
        }
    }
}
