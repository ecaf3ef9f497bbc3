/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.castpanel.core.api.AuditEntry;
import org.castpanel.core.api.AuditService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.Page;
import org.castpanel.core.api.PanelEvents;
import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.EngineType;
import org.castpanel.engine.api.MediaKind;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.ServiceStatus;
import org.castpanel.engine.api.platform.ServiceDirectories;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.Store;
import org.castpanel.persistence.testing.InMemoryDatabase;
import org.castpanel.persistence.testing.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry's handler cache, on the real schema in H2: one handler per revision of a service's
 * settings, made again (and the old one disposed) when they change, never for an older copy of
 * the row, and gone with its plugin.
 */
class EngineRegistryHandlerTest {

    private final InMemoryDatabase db = new InMemoryDatabase();
    private final Store store = db.store();
    private final Rows rows = new Rows(store);
    private final Path root;
    private final CountingFactory factory = new CountingFactory();
    private final EngineRegistry registry;
    private final ServiceRuntime runtime;

    EngineRegistryHandlerTest() throws Exception {
        root = Files.createTempDirectory("registry-test");
        PanelEvents events = new PanelEvents() {
            @Override
            public void publish(Event event) {}

            @Override
            public AutoCloseable subscribe(java.util.function.Consumer<Event> listener) {
                return () -> {};
            }
        };
        AuditService audit = new AuditService() {
            @Override
            public void record(Caller c, String action, String type, Long id, String path, String detail) {}

            @Override
            public Page<AuditEntry> list(Caller c, String action, Long actorId, Long targetId, int page, int size) {
                return new Page<>(List.of(), 0, size, 0);
            }
        };
        registry = new EngineRegistry(store, events, audit, defaults(ProvisioningConfig.class));
        runtime = new ServiceRuntime(store, events, new ServiceDirectories() {
            @Override
            public Path serviceDirectory(long serviceId) {
                return root.resolve("service_" + serviceId);
            }

            @Override
            public Path contentDirectory(long ownerId) {
                return root.resolve("user_" + ownerId);
            }

            @Override
            public Path engineDirectory(String engineId) {
                return root.resolve(engineId);
            }

            @Override
            public void deleteServiceDirectory(long serviceId) {}
        });
        registry.addFactory(factory, null);
    }

    @AfterEach
    void close() throws Exception {
        registry.deactivate();
        db.close();
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        }
    }

    /** An instance of a configuration annotation answering every attribute's default. */
    @SuppressWarnings("unchecked")
    static <A> A defaults(Class<A> type) {
        return (A) Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> method.getDefaultValue());
    }

    private MediaServiceEntity row(long serviceId) {
        return store.read(em -> em.find(MediaServiceEntity.class, serviceId));
    }

    private void touch(long serviceId) {
        store.write(em -> {
            em.find(MediaServiceEntity.class, serviceId).updatedAt += 1_000;
            return null;
        });
    }

    private EngineHandler handler(MediaServiceEntity service) throws Exception {
        return registry.handler(runtime, service).orElseThrow();
    }

    @Test
    void oneHandlerPerRevisionOfTheSettings() throws Exception {
        long service = rows.service(rows.account("alice"), "node-a");
        EngineHandler first = handler(row(service));
        assertSame(first, handler(row(service)), "unchanged settings keep the handler");
        assertEquals(1, factory.created.size());

        MediaServiceEntity before = row(service);
        touch(service);
        EngineHandler second = handler(row(service));
        assertTrue(first != second, "changed settings make a new handler");
        assertEquals(List.of(first), factory.disposed, "and the old one is disposed");
        assertEquals("service " + service, factory.created.get(1).name(), "made from the stored row");

        assertSame(second, handler(before), "an older copy of the row keeps the newer handler");
        assertEquals(2, factory.created.size());
    }

    /**
     * The action and the collector asking at once after a change (CI saw nginx-rtmp refuse every
     * publish: the plugin held the handler the registry had disposed): one handler is made.
     */
    @Test
    void callersAskingAtOnceGetOneHandler() throws Exception {
        long service = rows.service(rows.account("dave"), "node-a");
        handler(row(service));
        touch(service);
        factory.meetInCreate = new java.util.concurrent.CyclicBarrier(2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> handler(row(service)));
            var second = pool.submit(() -> handler(row(service)));
            assertSame(first.get(), second.get(), "both callers got the same handler");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, factory.created.size(), "one handler for the new revision");
        assertEquals(1, factory.disposed.size(), "only the old one is disposed");
    }

    @Test
    void handlersGoWithTheirPluginAndWithTheirService() throws Exception {
        long a = rows.service(rows.account("bob"), "node-a");
        long b = rows.service(rows.account("carol"), "node-a");
        EngineHandler forA = handler(row(a));
        EngineHandler forB = handler(row(b));

        registry.forget(a);
        assertEquals(List.of(forA), factory.disposed, "a deleted service's handler is disposed");

        registry.removeFactory(factory);
        assertEquals(List.of(forA, forB), factory.disposed, "a leaving plugin's handlers are disposed");
        assertTrue(registry.handler(runtime, row(b)).isEmpty(), "no handler while the engine is missing");

        registry.addFactory(factory, null);
        assertTrue(handler(row(b)) != forB, "a returning plugin makes handlers afresh");
    }

    /** An engine of type "test" (the type {@link Rows} gives its services) that counts its handlers. */
    static final class CountingFactory implements EngineFactory {
        final List<ServiceContext> created = new CopyOnWriteArrayList<>();
        final List<EngineHandler> disposed = new CopyOnWriteArrayList<>();
        /** When set, a maker waits here (briefly) for a second one, as unserialized makers would meet. */
        volatile java.util.concurrent.CyclicBarrier meetInCreate;

        @Override
        public List<EngineType> engineTypes() {
            return List.of(EngineType.server("test", "Test", MediaKind.AUDIO, Set.of(), List.of()));
        }

        @Override
        public String version() {
            return "1.0.0";
        }

        @Override
        public EngineHandler createHandler(ServiceContext context, EngineCallback callback) {
            created.add(context);
            if (meetInCreate != null) {
                try {
                    meetInCreate.await(500, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.BrokenBarrierException e) {
                    // alone in here: what the registry should make sure of
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new EngineHandler() {
                @Override
                public CompletionStage<Void> provision() {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public CompletionStage<Void> start() {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public CompletionStage<Void> stop() {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public CompletionStage<Void> deprovision() {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public CompletionStage<ServiceStatus> probe() {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public void dispose() {
                    disposed.add(this);
                }
            };
        }
    }
}
