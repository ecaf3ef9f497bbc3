/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.provisioning.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.castpanel.core.api.ActionStatus;
import org.castpanel.core.api.ActionType;
import org.castpanel.core.api.PanelEvents;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.platform.DaemonThreads;
import org.castpanel.engine.api.platform.PanelNode;
import org.castpanel.engine.api.platform.PortAllocator;
import org.castpanel.engine.api.platform.ServiceDirectories;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.Store;
import org.castpanel.queue.api.ActionQueue;
import org.castpanel.queue.api.QueuedAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's workers for the action queue: claims actions through {@link ActionQueue} (a
 * service's strictly in order, different services' in parallel up to the worker count) and runs
 * each engine operation through {@link PluginCalls} with a timeout; retryable failures go back to
 * the queue with exponential back-off. After a crash, actions left RUNNING are queued again:
 * engine operations are idempotent, so a re-run never applies an action twice.
 */
@Component(service = ActionRunner.class, immediate = true, configurationPid = ProvisioningConfig.PID)
@Designate(ocd = ProvisioningConfig.class)
public class ActionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ActionRunner.class);

    private final Store store;
    private final ActionQueue queue;
    private final PanelNode node;
    private final PanelEvents events;
    private final EngineRegistry engines;
    private final PortAllocator ports;
    private final ServiceDirectories directories;
    private final ServiceRuntime runtime;
    private final ExecutorService workers;
    private final Set<Long> busyServices = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread dispatcher;
    private final AutoCloseable subscription;
    private final AutoCloseable queued;
    private volatile ProvisioningConfig config;
    private volatile boolean stopping;
    private boolean signalled;

    @Activate
    public ActionRunner(
            final @Reference Store store,
            final @Reference ActionQueue queue,
            final @Reference PanelEvents events,
            final @Reference EngineRegistry engines,
            final @Reference PortAllocator ports,
            final @Reference ServiceDirectories directories,
            final @Reference ServiceRuntime runtime,
            final @Reference PanelNode node,
            final ProvisioningConfig config) {
        this.store = store;
        this.queue = queue;
        this.node = node;
        this.events = events;
        this.engines = engines;
        this.ports = ports;
        this.directories = directories;
        this.config = config;
        this.runtime = runtime;
        this.workers = Executors.newCachedThreadPool(DaemonThreads.named("castpanel-action"));
        int resumed = queue.resumeInterrupted(node.name());
        if (resumed > 0) {
            LOG.warn("Re-queued {} action(s) that were running when the panel stopped", resumed);
        }
        this.queued = queue.onWork(this::signal);
        // an engine arriving lets actions that wait for it run
        this.subscription = events.subscribe(e -> {
            if ("engine".equals(e.type())) {
                signal();
            }
        });
        this.dispatcher = new Thread(this::dispatch, "castpanel-action-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    @Modified
    void modified(ProvisioningConfig config) {
        this.config = config;
        signal();
    }

    @Deactivate
    void deactivate() throws Exception {
        stopping = true;
        queued.close();
        subscription.close();
        signal();
        dispatcher.join(5000);
        workers.shutdownNow();
    }

    void signal() {
        lock.lock();
        try {
            signalled = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void dispatch() {
        while (!stopping) {
            try {
                int free = config.workers() - running.get();
                if (free > 0) {
                    for (QueuedAction action : queue.claim(node.name(), free, busyServices)) {
                        running.incrementAndGet();
                        workers.execute(() -> {
                            try {
                                execute(action);
                            } finally {
                                busyServices.remove(action.serviceId());
                                running.decrementAndGet();
                                signal();
                            }
                        });
                    }
                }
                awaitSignal();
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.error("The action dispatcher hit an error; retrying", e);
                    awaitSignal();
                }
            }
        }
    }

    private void awaitSignal() {
        lock.lock();
        try {
            if (!signalled) {
                wake.await(config.pollMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    /** The pause before retrying an action that failed retryably for the {@code attempts}-th time: 2, 4, 8, … 60 s. */
    static long retrySeconds(int attempts) {
        return Math.min(60, 1L << Math.min(Math.max(attempts, 1), 6));
    }

    private void execute(QueuedAction action) {
        ActionType type = action.action().action();
        MediaServiceEntity service = store.read(em -> em.find(MediaServiceEntity.class, action.serviceId()));
        if (service == null) {
            queue.finish(action.id(), ActionStatus.FAILED, "the service no longer exists");
            return;
        }
        Duration timeout = Duration.ofSeconds(config.actionTimeoutSeconds());
        try {
            Optional<EngineHandler> handler = engines.handler(runtime, service);
            if (handler.isEmpty()) {
                queue.retryLater(
                        action.id(),
                        "waiting for the " + service.engineType + " engine plugin to be installed",
                        Duration.ofSeconds(5),
                        false);
                return;
            }
            EngineHandler h = handler.get();
            PluginCalls calls = engines.calls();
            String[] outcome = switch (type) {
                case START -> {
                    calls.stage("provision", timeout, h::provision);
                    calls.stage("start", timeout, h::start);
                    yield new String[] {"RUNNING", "started"};
                }
                case STOP -> {
                    calls.stage("stop", timeout, h::stop);
                    yield new String[] {"STOPPED", "stopped"};
                }
                case RESTART -> {
                    calls.stage("provision", timeout, h::provision);
                    calls.stage("restart", timeout, h::restart);
                    yield new String[] {"RUNNING", "restarted"};
                }
                case RELOAD -> {
                    calls.stage("provision", timeout, h::provision);
                    calls.stage("reload", timeout, h::reload);
                    yield new String[] {"RUNNING", "reloaded"};
                }
                case DELETE -> {
                    calls.stage("deprovision", timeout, h::deprovision);
                    engines.forget(service.id);
                    directories.deleteServiceDirectory(service.id);
                    ports.release(service.id);
                    store.write(em -> {
                        MediaServiceEntity s = em.find(MediaServiceEntity.class, service.id);
                        if (s != null) {
                            em.remove(s);
                        }
                        em.createQuery("DELETE FROM MountEntity m WHERE m.serviceId = :id")
                                .setParameter("id", service.id)
                                .executeUpdate();
                        return null;
                    });
                    events.publish(new PanelEvents.Event(
                            "service.deleted", service.ownerPath, Map.of("serviceId", service.id)));
                    yield null;
                }
            };
            if (outcome == null) {
                queue.finish(action.id(), ActionStatus.SUCCEEDED, null);
            } else {
                succeed(action, service, outcome[0], outcome[1]);
            }
        } catch (PluginCalls.PluginFailure e) {
            int attempts = action.action().attempts();
            if (e.retryable && attempts < config.maxAttempts()) {
                long backoff = retrySeconds(attempts);
                queue.retryLater(
                        action.id(),
                        "attempt " + attempts + " failed: " + e.getMessage() + "; retrying",
                        Duration.ofSeconds(backoff),
                        true);
                return;
            }
            LOG.warn("{} of service {} failed: {}", type, service.id, e.getMessage());
            if (type == ActionType.START || type == ActionType.RESTART || type == ActionType.RELOAD) {
                runtime.setState(service.id, "FAILED", e.getMessage());
            }
            queue.finish(action.id(), ActionStatus.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} of service {} failed unexpectedly", type, service.id, e);
            queue.finish(action.id(), ActionStatus.FAILED, "internal error: " + e.getMessage());
        }
    }

    /** A successful action and the service's new state, in one transaction: a start costs few commits. */
    private void succeed(QueuedAction action, MediaServiceEntity service, String state, String detail) {
        String ownerPath = store.write(em -> {
            queue.finish(action.id(), ActionStatus.SUCCEEDED, null);
            return runtime.updateState(em, service.id, state, detail);
        });
        runtime.publishState(service.id, ownerPath, state, detail);
    }
}
