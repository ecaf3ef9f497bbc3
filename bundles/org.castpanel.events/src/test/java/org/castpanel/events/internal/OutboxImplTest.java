/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.castpanel.events.api.OutboxEvent;
import org.castpanel.events.api.OutboxListener;
import org.castpanel.persistence.Store;
import org.castpanel.persistence.testing.InMemoryDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxImplTest {

    private final InMemoryDatabase db = new InMemoryDatabase();
    private final Store store = db.store();
    private final List<OutboxImpl> relays = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws InterruptedException {
        for (OutboxImpl relay : relays) {
            relay.deactivate();
        }
        db.close();
    }

    private OutboxImpl outbox() {
        OutboxImpl outbox = new OutboxImpl(store, new OutboxConfig() {
            public Class<? extends Annotation> annotationType() {
                return OutboxConfig.class;
            }

            public int retentionDays() {
                return 7;
            }

            public long retryMillis() {
                return 20;
            }

            public long maxRetryMillis() {
                return 200;
            }

            public long pollMillis() {
                return 60_000;
            }
        });
        relays.add(outbox);
        return outbox;
    }

    /** Records what it was given; fails the first {@code failures} attempts. */
    private static final class Recorder implements OutboxListener {
        final List<OutboxEvent> delivered = new CopyOnWriteArrayList<>();
        /** One permit per delivered event: the test waits on deliveries themselves, not by polling. */
        final Semaphore deliveries = new Semaphore(0);

        final AtomicInteger attempts = new AtomicInteger();
        final int failures;

        Recorder(int failures) {
            this.failures = failures;
        }

        public String name() {
            return "test-listener";
        }

        public void deliver(OutboxEvent event) {
            if (attempts.incrementAndGet() <= failures) {
                throw new IllegalStateException("the mail server is down");
            }
            delivered.add(event);
            deliveries.release();
        }

        /** Waits until {@code count} more events arrived, at most 10 s. */
        void awaitDeliveries(int count, String what) throws InterruptedException {
            assertTrue(deliveries.tryAcquire(count, 10, TimeUnit.SECONDS), "timed out waiting until " + what);
        }

        List<String> types() {
            return delivered.stream().map(OutboxEvent::type).toList();
        }
    }

    @Test
    void anEventExistsExactlyWhenItsChangeCommitted() throws Exception {
        OutboxImpl outbox = outbox();
        Recorder listener = new Recorder(0);
        outbox.addListener(listener);
        assertThrows(
                IllegalStateException.class,
                () -> store.write(em -> {
                    outbox.record("service.deleted", "/1/", Map.of("serviceId", 7));
                    throw new IllegalStateException("the change is refused");
                }));
        store.write(em -> {
            outbox.record("service.created", "/1/", Map.of("serviceId", 8));
            return null;
        });
        listener.awaitDeliveries(1, "the committed event arrives");
        OutboxEvent event = listener.delivered.get(0);
        assertEquals("service.created", event.type());
        assertEquals("/1/", event.ownerPath());
        assertEquals("{\"serviceId\":8}", event.data());
    }

    @Test
    void aFailingListenerGetsTheSameEventAgainAndNothingPassesIt() throws Exception {
        OutboxImpl outbox = outbox();
        Recorder listener = new Recorder(3);
        outbox.record("first", null, Map.of());
        outbox.record("second", null, Map.of());
        outbox.addListener(listener);
        listener.awaitDeliveries(2, "both events arrive after the failures");
        assertEquals(List.of("first", "second"), listener.types());
        assertEquals(5, listener.attempts.get(), "three failed attempts at the first event, then one each");
    }

    @Test
    void whatWasDeliveredIsNotDeliveredAgainAfterARestartAndWhatWasNotIs() throws Exception {
        OutboxImpl before = outbox();
        Recorder first = new Recorder(0);
        before.addListener(first);
        before.record("delivered before the restart", null, Map.of());
        first.awaitDeliveries(1, "the first event arrives");
        before.removeListener(first);
        before.deactivate();
        relays.remove(before);
        before.record("written while no relay ran", null, Map.of());

        OutboxImpl after = outbox();
        Recorder again = new Recorder(0);
        after.addListener(again);
        again.awaitDeliveries(1, "the pending event arrives");
        assertEquals(List.of("written while no relay ran"), again.types());
    }
}
