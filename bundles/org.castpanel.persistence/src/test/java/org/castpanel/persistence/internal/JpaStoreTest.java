/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.castpanel.persistence.ServiceEventEntity;
import org.castpanel.persistence.Store;
import org.castpanel.persistence.testing.InMemoryDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JpaStoreTest {

    private final InMemoryDatabase db = new InMemoryDatabase();
    private final Store store = db.store();

    @AfterEach
    void close() {
        db.close();
    }

    private ServiceEventEntity event(long id, String message) {
        ServiceEventEntity e = new ServiceEventEntity();
        e.id = id;
        e.serviceId = 1;
        e.at = 1;
        e.message = message;
        return e;
    }

    @Test
    void aNestedWriteJoinsTheOuterTransactionAndRollsBackWithIt() {
        assertThrows(
                IllegalStateException.class,
                () -> store.write(outer -> {
                    outer.persist(event(1, "outer"));
                    store.write(inner -> {
                        assertSame(outer, inner);
                        inner.persist(event(2, "inner"));
                        return null;
                    });
                    throw new IllegalStateException("the change is refused");
                }));
        assertNull(store.read(em -> em.find(ServiceEventEntity.class, 1L)));
        assertNull(store.read(em -> em.find(ServiceEventEntity.class, 2L)));
    }

    @Test
    void afterCommitTasksRunOnceTheOutermostWriteCommittedAndNeverOnRollback() {
        List<String> ran = new ArrayList<>();
        store.write(em -> {
            em.persist(event(1, "kept"));
            store.write(inner -> {
                store.afterCommit(() ->
                        ran.add("committed: " + store.read(r -> r.find(ServiceEventEntity.class, 1L).message)));
                return null;
            });
            assertTrue(ran.isEmpty(), "not before the commit");
            return null;
        });
        assertEquals(List.of("committed: kept"), ran);

        assertThrows(
                IllegalStateException.class,
                () -> store.write(em -> {
                    store.afterCommit(() -> ran.add("rolled back"));
                    throw new IllegalStateException("refused");
                }));
        assertEquals(1, ran.size());

        store.afterCommit(() -> ran.add("outside a write"));
        assertEquals("outside a write", ran.get(1));
    }

    @Test
    void idsReservedInsideARolledBackWriteAreNotHandedOutAgain() {
        long[] first = new long[1];
        assertThrows(
                IllegalStateException.class,
                () -> store.write(em -> {
                    first[0] = store.nextId("cp_test");
                    throw new IllegalStateException("refused");
                }));
        assertTrue(store.nextId("cp_test") > first[0]);
    }
}
