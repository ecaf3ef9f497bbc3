/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.castpanel.engine.api.ConfigField;
import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.EngineRole;
import org.castpanel.engine.api.EngineType;
import org.castpanel.engine.api.RunState;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.ServiceLimits;
import org.castpanel.engine.api.ServiceStats;
import org.castpanel.engine.api.ServiceStatus;
import org.castpanel.engine.api.SourceEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every engine plugin keeps, as the panel relies on it. Extend this class in your
 * plugin's tests and say how to make your factory on a {@link LocalPlatform}; each engine type
 * your factory offers is taken through its whole life: provision, start, start again, probe,
 * restart, stop, stop again, deprovision. Operations must be idempotent and report through
 * their stages, never by throwing.
 */
public abstract class EngineContractTest {

    /** How long one operation may take here. */
    protected Duration operationTimeout() {
        return Duration.ofSeconds(30);
    }

    /** Makes the factory under test, wired to the given platform services. */
    protected abstract EngineFactory createFactory(LocalPlatform platform);

    /** Settings for a service of the type; by default each field's default. */
    protected Map<String, Object> settings(EngineType type) {
        Map<String, Object> settings = new java.util.HashMap<>();
        for (ConfigField field : type.serviceConfig()) {
            if (field.defaultValue() != null) {
                settings.put(field.name(), field.defaultValue());
            }
        }
        return settings;
    }

    private LocalPlatform platform;
    private EngineFactory factory;
    private final List<Runnable> cleanups = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);

    @BeforeEach
    void createPlatform() {
        platform = new LocalPlatform();
        factory = createFactory(platform);
    }

    @AfterEach
    void cleanUp() {
        cleanups.forEach(Runnable::run);
        platform.close();
    }

    @Test
    void offersWellFormedTypes() {
        List<EngineType> types = factory.engineTypes();
        assertFalse(types.isEmpty(), "a plugin offers at least one engine type");
        Set<String> ids = new HashSet<>();
        for (EngineType type : types) {
            assertTrue(ids.add(type.id()), "engine type ids are unique: " + type.id());
            assertNotNull(type.label());
            Set<String> fields = new HashSet<>();
            for (ConfigField field : type.serviceConfig()) {
                assertTrue(fields.add(field.name()), "setting names are unique: " + field.name());
                if (field.type() == ConfigField.Type.CHOICE) {
                    assertFalse(field.options().isEmpty(), field.name() + " lists its options");
                }
            }
        }
    }

    @Test
    void creatingAHandlerStartsNothing() {
        for (EngineType type : factory.engineTypes()) {
            EngineHandler handler = handler(type);
            assertEquals(RunState.STOPPED, await(handler.probe()).state(), type.id() + " runs nothing before start");
        }
    }

    @Test
    void everyTypeGoesThroughItsLifeIdempotently() {
        for (EngineType type : factory.engineTypes()) {
            EngineHandler handler = handler(type);
            await(handler.provision());
            await(handler.provision());
            await(handler.start());
            assertEquals(RunState.RUNNING, await(handler.probe()).state(), type.id() + " runs after start");
            await(handler.start());
            assertEquals(
                    RunState.RUNNING, await(handler.probe()).state(), type.id() + " still runs after a second start");
            await(handler.restart());
            assertEquals(RunState.RUNNING, await(handler.probe()).state(), type.id() + " runs after restart");
            await(handler.stop());
            ServiceStatus stopped = await(handler.probe());
            assertEquals(RunState.STOPPED, stopped.state(), type.id() + " is stopped: " + stopped.detail());
            await(handler.stop());
            await(handler.deprovision());
            assertDoesNotThrow(handler::dispose);
        }
    }

    @Test
    void aRunningServiceGivesWellFormedConnectionDetailsAndStatistics() {
        for (EngineType type : factory.engineTypes()) {
            EngineHandler handler = handler(type);
            await(handler.provision());
            await(handler.start());
            Map<String, String> details = await(handler.connectionDetails());
            assertNotNull(details, type.id() + ": connection details are a map, empty if there is nothing to say");
            details.forEach((key, value) -> {
                assertNotNull(value, type.id() + ": connection detail " + key + " has a value");
                assertTrue(
                        value.chars().noneMatch(c -> c < 0x20),
                        type.id() + ": " + key + " holds no control characters");
            });
            ServiceStats stats = await(handler.statistics());
            if (stats != null) {
                assertTrue(stats.listeners() >= 0 && stats.bytesOut() >= 0, type.id() + ": counts are not negative");
                assertTrue(
                        stats.peakListeners() >= stats.listeners(), type.id() + ": the peak is at least the current");
            }
            await(handler.stop());
        }
    }

    /**
     * A daemon killed from outside (SIGKILL: no chance to clean up) is seen as not running by the
     * next probe, and a start brings it back. Applies to daemons whose pid files live in the
     * service's directory (the supervisor's default); an engine sharing one daemon across services
     * keeps it elsewhere and is not checked here.
     */
    @Test
    void aDaemonKilledFromOutsideIsSeenAndStartsAgain() throws Exception {
        boolean checked = false;
        for (EngineType type : factory.engineTypes()) {
            long id = ids.get() + 1;
            EngineHandler handler = handler(type);
            await(handler.provision());
            await(handler.start());
            List<Long> pids = pidsIn(platform.directories().serviceDirectory(id));
            if (pids.isEmpty()) {
                await(handler.stop());
                continue;
            }
            checked = true;
            for (long pid : pids) {
                // SIGKILL is delivered asynchronously: wait until it is gone, as a crash would leave it
                // (probing a daemon still dying can find it alive, and a start then adopts it)
                java.util.Optional<ProcessHandle> process = ProcessHandle.of(pid);
                if (process.isPresent()) {
                    process.get().destroyForcibly();
                    process.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            RunState state = await(handler.probe()).state();
            while (state == RunState.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(100); // polls the condition below, bounded by the deadline
                state = await(handler.probe()).state();
            }
            assertTrue(state != RunState.RUNNING, type.id() + ": a killed daemon is not reported as running");
            await(handler.start());
            assertEquals(RunState.RUNNING, await(handler.probe()).state(), type.id() + " runs again after a start");
            await(handler.stop());
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(checked, "no daemon keeps its pid file in a service directory");
    }

    private static List<Long> pidsIn(java.nio.file.Path dir) throws java.io.IOException {
        List<Long> pids = new ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path file : files.filter(
                            f -> f.getFileName().toString().endsWith(".pid"))
                    .toList()) {
                try {
                    // the supervisor's pid files hold the pid on their first line (then the start time)
                    pids.add(Long.parseLong(
                            java.nio.file.Files.readAllLines(file).get(0).strip()));
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    // not a pid file of ours
                }
            }
        }
        return pids;
    }

    /**
     * A handler for a new service of {@code type} with {@link #settings} and small limits; a source
     * type gets a well-formed endpoint to feed. Stopped after the test. For a plugin's own tests.
     */
    protected EngineHandler handler(EngineType type) {
        long id = ids.incrementAndGet();
        ServiceContext context = new ServiceContext(
                id,
                1,
                type.id(),
                "Contract test " + id,
                "local",
                new ServiceLimits(10, 128, 100L, 10L, 2),
                settings(type),
                platform.directories().serviceDirectory(id),
                platform.directories().contentDirectory(1));
        if (type.role() == EngineRole.SOURCE) {
            context = context.withSource(new SourceEndpoint(
                    type.sourceProtocols().iterator().next(),
                    "127.0.0.1",
                    platform.ports().port(id, "contract-server"),
                    "/stream",
                    "source",
                    "contract-password"));
        }
        EngineHandler handler = factory.createHandler(context, new EngineCallback() {
            @Override
            public void statusChanged(ServiceStatus status) {}

            @Override
            public void event(String message) {}
        });
        assertNotNull(handler, "createHandler returns a handler");
        cleanups.add(() -> {
            try {
                handler.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // best effort: the test already reported what went wrong
            }
        });
        return handler;
    }

    /** The platform this test's factory was made with. */
    protected LocalPlatform platform() {
        return platform;
    }

    /** Waits for a handler's stage within {@link #operationTimeout}; fails the test otherwise. */
    protected <T> T await(java.util.concurrent.CompletionStage<T> stage) {
        assertNotNull(stage, "operations return a stage");
        try {
            return stage.toCompletableFuture().get(operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("operation failed or took too long: " + e, e);
        }
    }
}
