/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

import org.castpanel.core.api.DatabaseStatus;
import org.castpanel.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Store} over the {@code castpanel} persistence unit that Aries JPA publishes. */
@Component(service = {Store.class, DatabaseStatus.class})
public class JpaStore implements Store, DatabaseStatus {

    /** How many ids one trip to cp_sequence reserves. */
    static final int ID_BLOCK = 50;

    private static final Logger LOG = LoggerFactory.getLogger(JpaStore.class);

    private final EntityManagerFactory factory;
    private final Map<String, long[]> idBlocks = new HashMap<>();
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    /** The write running on a thread: nested writes join it; its after-commit tasks run when it commits. */
    private static final class Transaction {
        final EntityManager em;
        final List<Runnable> afterCommit = new ArrayList<>();

        Transaction(EntityManager em) {
            this.em = em;
        }
    }

    @Activate
    public JpaStore(final @Reference(target = "(osgi.unit.name=castpanel)") EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    @Override
    public <T> T write(Function<EntityManager, T> work) {
        Transaction joined = current.get();
        if (joined != null) {
            return work.apply(joined.em);
        }
        Transaction transaction = new Transaction(factory.createEntityManager());
        EntityTransaction tx = transaction.em.getTransaction();
        T result;
        current.set(transaction);
        try {
            tx.begin();
            result = work.apply(transaction.em);
            tx.commit();
        } finally {
            current.remove();
            if (tx.isActive()) {
                tx.rollback();
            }
            transaction.em.close();
        }
        transaction.afterCommit.forEach(JpaStore::runQuietly);
        return result;
    }

    @Override
    public void afterCommit(Runnable task) {
        Transaction transaction = current.get();
        if (transaction == null) {
            runQuietly(task);
        } else {
            transaction.afterCommit.add(task);
        }
    }

    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("A task after a commit failed", e);
        }
    }

    @Override
    public synchronized long nextId(String table) {
        // block = {next, limit}; refilled in a transaction of its own (never joined), so that a
        // rolled-back caller never hands the same id out twice
        long[] block = idBlocks.computeIfAbsent(table, t -> new long[] {0, 0});
        if (block[0] >= block[1]) {
            long limit = reserveInOwnTransaction(table);
            block[0] = limit - ID_BLOCK;
            block[1] = limit;
        }
        return ++block[0];
    }

    private long reserveInOwnTransaction(String table) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            long limit = reserve(em, table);
            tx.commit();
            return limit;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    private static long reserve(EntityManager em, String table) {
        int updated = em.createNativeQuery("UPDATE cp_sequence SET seq_count = seq_count + ? WHERE seq_name = ?")
                .setParameter(1, ID_BLOCK)
                .setParameter(2, table)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO cp_sequence (seq_name, seq_count) VALUES (?, ?)")
                    .setParameter(1, table)
                    .setParameter(2, ID_BLOCK)
                    .executeUpdate();
            return ID_BLOCK;
        }
        Object count = em.createNativeQuery("SELECT seq_count FROM cp_sequence WHERE seq_name = ?")
                .setParameter(1, table)
                .getSingleResult();
        return ((Number) count).longValue();
    }

    @Override
    public boolean reachable() {
        try {
            return read(em -> em.createNativeQuery("SELECT 1").getSingleResult() != null);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
