package org.castpanel.provisioning.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import javax.persistence.EntityManager;

import org.castpanel.core.api.ActionStatus;
import org.castpanel.core.api.ActionType;
import org.castpanel.core.api.PanelEvents;
import org.castpanel.core.api.ServiceAction;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.platform.DaemonThreads;
import org.castpanel.engine.api.platform.PanelNode;
import org.castpanel.engine.api.platform.PortAllocator;
import org.castpanel.engine.api.platform.ServiceDirectories;
import org.castpanel.persistence.ActionEntity;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the durable action queue of this node. Actions are claimed from cp_action by a
 * conditional update (so two panel nodes never run the same one), a service's actions strictly
 * in id order, different services' in parallel up to the worker count. Each engine operation runs
 * through {@link PluginCalls} with a timeout; retryable failures go back to the queue with
 * exponential back-off. After a crash, actions left RUNNING are queued again: engine operations
 * are idempotent, so a re-run never applies an action twice.
 */
@Component(service = ActionQueue.class, immediate = true, configurationPid = ProvisioningConfig.PID)
@Designate(ocd = ProvisioningConfig.class)
public class ActionQueue {

    private static final Logger LOG = LoggerFactory.getLogger(ActionQueue.class);

    private final Store store;
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
    private volatile ProvisioningConfig config;
    private volatile boolean stopping;
    private boolean signalled;

    @Activate
    public ActionQueue(final @Reference Store store, final @Reference PanelEvents events,
            final @Reference EngineRegistry engines, final @Reference PortAllocator ports,
            final @Reference ServiceDirectories directories, final @Reference PanelNode node,
            final ProvisioningConfig config) {
        this.store = store;
        this.node = node;
        this.events = events;
        this.engines = engines;
        this.ports = ports;
        this.directories = directories;
        this.config = config;
        this.runtime = new ServiceRuntime(store, events, directories);
        this.workers = Executors.newCachedThreadPool(DaemonThreads.named("castpanel-action"));
        int resumed = store.write(em -> em.createQuery("UPDATE ActionEntity a SET a.status = 'QUEUED', "
                + "a.message = 'resumed after a panel restart' WHERE a.status = 'RUNNING' AND a.node = :node")
                .setParameter("node", node.name()).executeUpdate());
        if (resumed > 0) {
            LOG.warn("Re-queued {} action(s) that were running when the panel stopped", resumed);
        }
        this.subscription = events.subscribe(e -> {
            if ("queue.wake".equals(e.type()) || "engine".equals(e.type())) {
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
                    for (ActionEntity action : claim(free)) {
                        running.incrementAndGet();
                        workers.execute(() -> {
                            try {
                                execute(action);
                            } finally {
                                busyServices.remove(action.serviceId);
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

    /** Claims up to {@code free} runnable actions: the oldest queued one of each idle service. */
    private List<ActionEntity> claim(int free) {
        long now = System.currentTimeMillis();
        List<ActionEntity> candidates = store.read(em -> em.createQuery("SELECT a FROM ActionEntity a "
                + "WHERE a.status = 'QUEUED' AND a.node = :node AND a.notBefore <= :now AND NOT EXISTS ("
                + "SELECT b FROM ActionEntity b WHERE b.serviceId = a.serviceId AND b.id < a.id "
                + "AND b.status IN ('QUEUED', 'RUNNING')) ORDER BY a.id", ActionEntity.class)
                .setParameter("node", node.name()).setParameter("now", now).setMaxResults(free * 4).getResultList());
        List<ActionEntity> claimed = new java.util.ArrayList<>();
        for (ActionEntity a : candidates) {
            if (claimed.size() >= free || !busyServices.add(a.serviceId)) {
                continue;
            }
            int updated = store.write(em -> em.createQuery("UPDATE ActionEntity a SET a.status = 'RUNNING', "
                    + "a.startedAt = :now, a.attempts = a.attempts + 1 WHERE a.id = :id AND a.status = 'QUEUED'")
                    .setParameter("now", now).setParameter("id", a.id).executeUpdate());
            if (updated == 1) {
                a.status = ActionStatus.RUNNING.name();
                a.attempts++;
                claimed.add(a);
                publish(a);
            } else {
                busyServices.remove(a.serviceId);
            }
        }
        return claimed;
    }

    private void execute(ActionEntity action) {
        ActionType type = ActionType.valueOf(action.action);
        MediaServiceEntity service = store.read(em -> em.find(MediaServiceEntity.class, action.serviceId));
        if (service == null) {
            finish(action, ActionStatus.FAILED, "the service no longer exists");
            return;
        }
        Duration timeout = Duration.ofSeconds(config.actionTimeoutSeconds());
        try {
            Optional<EngineHandler> handler = engines.handler(runtime, service);
            if (handler.isEmpty()) {
                requeue(action, "waiting for the " + service.engineType + " engine plugin to be installed",
                        Duration.ofSeconds(5), false);
                return;
            }
            EngineHandler h = handler.get();
            PluginCalls calls = engines.calls();
            String[] outcome = switch (type) {
                case START -> {
                    calls.stage("provision", timeout, h::provision);
                    calls.stage("start", timeout, h::start);
                    yield new String[] { "RUNNING", "started" };
                }
                case STOP -> {
                    calls.stage("stop", timeout, h::stop);
                    yield new String[] { "STOPPED", "stopped" };
                }
                case RESTART -> {
                    calls.stage("provision", timeout, h::provision);
                    calls.stage("restart", timeout, h::restart);
                    yield new String[] { "RUNNING", "restarted" };
                }
                case RELOAD -> {
                    calls.stage("provision", timeout, h::provision);
                    calls.stage("reload", timeout, h::reload);
                    yield new String[] { "RUNNING", "reloaded" };
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
                        em.createQuery("DELETE FROM MountEntity m WHERE m.serviceId = :id").setParameter("id", service.id)
                                .executeUpdate();
                        return null;
                    });
                    events.publish(new PanelEvents.Event("service.deleted", service.ownerPath,
                            Map.of("serviceId", service.id)));
                    yield null;
                }
            };
            if (outcome == null) {
                finish(action, ActionStatus.SUCCEEDED, null);
            } else {
                succeed(action, service, outcome[0], outcome[1]);
            }
        } catch (PluginCalls.PluginFailure e) {
            if (e.retryable && action.attempts < config.maxAttempts()) {
                long backoff = Math.min(60, 1L << Math.min(action.attempts, 6));
                requeue(action, "attempt " + action.attempts + " failed: " + e.getMessage() + "; retrying", Duration.ofSeconds(backoff), true);
                return;
            }
            LOG.warn("{} of service {} failed: {}", type, service.id, e.getMessage());
            if (type == ActionType.START || type == ActionType.RESTART || type == ActionType.RELOAD) {
                runtime.setState(service.id, "FAILED", e.getMessage());
            }
            finish(action, ActionStatus.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} of service {} failed unexpectedly", type, service.id, e);
            finish(action, ActionStatus.FAILED, "internal error: " + e.getMessage());
        }
    }

    private void requeue(ActionEntity action, String message, Duration delay, boolean countAttempt) {
        store.write(em -> {
            ActionEntity a = em.find(ActionEntity.class, action.id);
            a.status = ActionStatus.QUEUED.name();
            a.message = ServiceRuntime.truncate(message);
            a.notBefore = System.currentTimeMillis() + delay.toMillis();
            if (!countAttempt) {
                a.attempts = Math.max(0, a.attempts - 1);
            }
            action.status = a.status;
            action.message = a.message;
            action.attempts = a.attempts;
            return null;
        });
        publish(action);
    }

    private void finish(ActionEntity action, ActionStatus status, String message) {
        store.write(em -> {
            recordOutcome(em, action, status, message);
            return null;
        });
        publish(action);
    }

    /** A successful action and the service's new state, in one transaction: a start costs few commits. */
    private void succeed(ActionEntity action, MediaServiceEntity service, String state, String detail) {
        String ownerPath = store.write(em -> {
            recordOutcome(em, action, ActionStatus.SUCCEEDED, null);
            return runtime.updateState(em, service.id, state, detail);
        });
        publish(action);
        runtime.publishState(service.id, ownerPath, state, detail);
    }

    private static void recordOutcome(EntityManager em, ActionEntity action, ActionStatus status, String message) {
        action.status = status.name();
        action.message = message == null ? null : ServiceRuntime.truncate(message);
        action.finishedAt = System.currentTimeMillis();
        em.createQuery("UPDATE ActionEntity a SET a.status = :status, a.message = :message, a.finishedAt = :at "
                + "WHERE a.id = :id").setParameter("status", action.status).setParameter("message", action.message)
                .setParameter("at", action.finishedAt).setParameter("id", action.id).executeUpdate();
    }

    private void publish(ActionEntity a) {
        ServiceAction view = new ServiceAction(a.id, a.serviceId, ActionType.valueOf(a.action),
                ActionStatus.valueOf(a.status), a.attempts, a.message, a.requestedBy,
                java.time.Instant.ofEpochMilli(a.createdAt),
                a.startedAt == null ? null : java.time.Instant.ofEpochMilli(a.startedAt),
                a.finishedAt == null ? null : java.time.Instant.ofEpochMilli(a.finishedAt));
        events.publish(new PanelEvents.Event("action", a.ownerPath, view));
    }

    ServiceRuntime runtime() {
        return runtime;
    }
}
