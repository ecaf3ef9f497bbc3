/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.queue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.castpanel.core.api.ActionStatus;
import org.castpanel.core.api.ActionType;
import org.castpanel.core.api.AuditEntry;
import org.castpanel.core.api.AuditService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.Page;
import org.castpanel.core.api.PanelEvents;
import org.castpanel.core.api.ServiceAction;
import org.castpanel.persistence.Store;
import org.castpanel.persistence.testing.InMemoryDatabase;
import org.castpanel.persistence.testing.Rows;
import org.castpanel.queue.api.QueuedAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActionQueueImplTest {

    private static final String NODE = "node-a";

    private final InMemoryDatabase db = new InMemoryDatabase();
    private final Store store = db.store();
    private final Rows rows = new Rows(store);
    private final List<String> audited = new CopyOnWriteArrayList<>();
    private final List<String> outbox = new CopyOnWriteArrayList<>();
    private final List<PanelEvents.Event> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger wakes = new AtomicInteger();
    private final ActionQueueImpl queue = new ActionQueueImpl(
            store,
            new AuditService() {
                @Override
                public void record(
                        Caller caller,
                        String action,
                        String targetType,
                        Long targetId,
                        String targetPath,
                        String detail) {
                    // like the real audit log, a row exists only once the write it joined commits
                    String row = (caller.isSystem() ? "system:" + caller.origin() : caller.username()) + " " + action
                            + " " + targetId + " " + targetPath + " " + detail;
                    store.afterCommit(() -> audited.add(row));
                }

                @Override
                public Page<AuditEntry> list(
                        Caller caller, String action, Long actorId, Long targetId, int page, int size) {
                    throw new UnsupportedOperationException();
                }
            },
            (type, ownerPath, data) -> store.afterCommit(() -> outbox.add(type + " " + ownerPath)),
            new PanelEvents() {
                @Override
                public void publish(Event event) {
                    published.add(event);
                }

                @Override
                public AutoCloseable subscribe(java.util.function.Consumer<Event> listener) {
                    throw new UnsupportedOperationException();
                }
            });
    private final long owner = rows.account("alice");
    private final Caller alice = new Caller(
            owner,
            "alice",
            org.castpanel.core.api.AccountType.CUSTOMER,
            false,
            false,
            "/" + owner + "/",
            null,
            "127.0.0.1",
            Caller.Credential.SESSION,
            null,
            false);

    {
        queue.onWork(wakes::incrementAndGet);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anActionExistsAndIsAnnouncedOnlyWhenTheChangeThatQueuedItCommits() {
        long service = rows.service(owner, NODE);
        assertThrows(
                IllegalStateException.class,
                () -> store.write(em -> {
                    queue.enqueue(service, ActionType.START, alice, null);
                    throw new IllegalStateException("the change is refused");
                }));
        assertEquals(0, queue.ofService(service, 0, 10).total());
        assertTrue(audited.isEmpty());
        assertTrue(outbox.isEmpty());
        assertTrue(published.isEmpty());
        assertEquals(0, wakes.get());

        ServiceAction queued = store.write(em -> {
            ServiceAction a = queue.enqueue(service, ActionType.START, alice, null);
            assertTrue(published.isEmpty(), "nothing is announced before the commit");
            return a;
        });
        assertEquals(ActionStatus.QUEUED, queued.status());
        assertEquals(owner, queued.requestedBy());
        assertEquals(1, wakes.get());
        assertEquals("action", published.get(0).type());
        assertEquals("/" + owner + "/", published.get(0).ownerPath());
        assertEquals(List.of("action.queued /" + owner + "/"), outbox);
    }

    @Test
    void thePanelsOwnActionsAreAuditedWithTheSystemActorAndTheirReason() {
        long service = rows.service(owner, NODE);
        ServiceAction a = queue.enqueue(
                service,
                ActionType.STOP,
                Caller.system("statistics"),
                "suspended: the monthly data transfer of 1 GB is used up");
        assertNull(a.requestedBy());
        assertEquals("suspended: the monthly data transfer of 1 GB is used up", a.message());
        assertEquals(
                List.of("system:statistics service.action " + service + " /" + owner + "/ STOP: suspended: the "
                        + "monthly data transfer of 1 GB is used up"),
                audited);
    }

    @Test
    void aServicesActionsRunOneAtATimeInOrderAndServicesRunInParallel() {
        long first = rows.service(owner, NODE);
        long second = rows.service(owner, NODE);
        long elsewhere = rows.service(owner, "node-b");
        ServiceAction start = queue.enqueue(first, ActionType.START, alice, null);
        ServiceAction stop = queue.enqueue(first, ActionType.STOP, alice, null);
        ServiceAction other = queue.enqueue(second, ActionType.START, alice, null);
        queue.enqueue(elsewhere, ActionType.START, alice, null);
        Set<Long> busy = ConcurrentHashMap.newKeySet();

        List<QueuedAction> claimed = queue.claim(NODE, 10, busy);
        assertEquals(
                List.of(start.id(), other.id()),
                claimed.stream().map(QueuedAction::id).toList());
        assertEquals(Set.of(first, second), busy);
        assertEquals(ActionStatus.RUNNING, claimed.get(0).action().status());
        assertEquals(1, claimed.get(0).action().attempts());
        assertEquals(
                List.of(),
                queue.claim(NODE, 10, ConcurrentHashMap.newKeySet()),
                "the stop waits for the running start even for another worker set (another node's view)");
        assertEquals(Set.of(first, second), queue.servicesWithPendingActions(NODE));

        queue.finish(start.id(), ActionStatus.SUCCEEDED, null);
        busy.remove(first);
        List<QueuedAction> next = queue.claim(NODE, 10, busy);
        assertEquals(List.of(stop.id()), next.stream().map(QueuedAction::id).toList());
        assertEquals(
                ActionStatus.SUCCEEDED,
                queue.find(start.id()).orElseThrow().action().status());
        assertTrue(outbox.contains("action.finished /" + owner + "/"));
    }

    @Test
    void aRetryWaitsForItsBackOffAndARestartRequeuesWhatWasRunning() {
        long service = rows.service(owner, NODE);
        ServiceAction start = queue.enqueue(service, ActionType.START, alice, null);
        Set<Long> busy = ConcurrentHashMap.newKeySet();
        assertEquals(1, queue.claim(NODE, 1, busy).size());
        queue.retryLater(start.id(), "attempt 1 failed: port in use; retrying", Duration.ofHours(1), true);
        busy.clear();
        assertEquals(List.of(), queue.claim(NODE, 1, busy), "not before its back-off is over");
        QueuedAction waiting = queue.find(start.id()).orElseThrow();
        assertEquals(ActionStatus.QUEUED, waiting.action().status());
        assertEquals("attempt 1 failed: port in use; retrying", waiting.action().message());

        long other = rows.service(owner, NODE);
        ServiceAction stop = queue.enqueue(other, ActionType.STOP, alice, null);
        assertEquals(1, queue.claim(NODE, 1, busy).size());
        assertEquals(1, queue.resumeInterrupted(NODE));
        QueuedAction resumed = queue.find(stop.id()).orElseThrow();
        assertEquals(ActionStatus.QUEUED, resumed.action().status());
        assertEquals("resumed after a panel restart", resumed.action().message());
        assertThrows(IllegalArgumentException.class, () -> queue.finish(stop.id(), ActionStatus.QUEUED, null));
    }

    @Test
    void ownerPathsFollowTheServiceAndTheHierarchy() {
        long service = rows.service(owner, NODE);
        ServiceAction a = queue.enqueue(service, ActionType.START, alice, null);
        queue.serviceMoved(service, "/1/9/");
        assertEquals("/1/9/", queue.find(a.id()).orElseThrow().ownerPath());
        queue.ownerPathsMoved("/1/", "/3/1/");
        assertEquals("/3/1/9/", queue.find(a.id()).orElseThrow().ownerPath());
        assertThrows(IllegalArgumentException.class, () -> queue.enqueue(999_999, ActionType.START, alice, null));
    }
}
