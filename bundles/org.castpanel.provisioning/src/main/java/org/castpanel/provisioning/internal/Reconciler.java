/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.provisioning.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.castpanel.core.api.ActionType;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.PanelEvents;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.RunState;
import org.castpanel.engine.api.ServiceStatus;
import org.castpanel.engine.api.platform.DaemonThreads;
import org.castpanel.engine.api.platform.PanelNode;
import org.castpanel.engine.api.platform.ProcessSupervisor;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.Store;
import org.castpanel.queue.api.ActionQueue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares what should run with what runs, at start and periodically, and queues the difference:
 * a service that should run but does not (its process died) gets a START, recorded in its
 * history; one that runs but should not gets a STOP. Services with actions pending, being
 * deleted, or whose engine is not installed are left alone. A service that keeps failing is
 * retried with growing pauses (1, 2, 4 … 30 minutes).
 */
@Component(immediate = true, configurationPid = ProvisioningConfig.PID)
public class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final Store store;
    private final PanelNode node;
    private final EngineRegistry engines;
    private static final Caller SYSTEM = Caller.system("reconciler");

    private final ActionQueue queue;
    private final ServiceRuntime runtime;
    private final PanelEvents events;
    private final ProvisioningConfig config;
    private final PeriodicTask timer;
    /** A restarted service that has run this long since is well again: its restarts in a row start over. */
    static final long WELL_AGAIN_MILLIS = 60_000;

    /** serviceId → {restarts in a row, not before (ms), last restart (ms)} */
    private final Map<Long, long[]> backoff = new ConcurrentHashMap<>();

    private final ScheduledExecutorService soon =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("castpanel-reconciler-exits"));
    private final AutoCloseable exits;

    @Activate
    public Reconciler(
            final @Reference Store store,
            final @Reference EngineRegistry engines,
            final @Reference ActionQueue queue,
            final @Reference ServiceRuntime runtime,
            final @Reference PanelEvents events,
            final @Reference PanelNode node,
            final @Reference ProcessSupervisor supervisor,
            final ProvisioningConfig config) {
        this.store = store;
        this.node = node;
        this.engines = engines;
        this.queue = queue;
        this.runtime = runtime;
        this.events = events;
        this.config = config;
        this.timer = new PeriodicTask("castpanel-reconciler", 2, config.reconcileSeconds(), this::reconcile);
        // a daemon that dies is looked at at once, not at the next pass (30 s by default)
        this.exits = supervisor.onUnexpectedExit(directory -> serviceOf(directory)
                .ifPresent(id -> soon.schedule(() -> reconcileService(id), 200, TimeUnit.MILLISECONDS)));
    }

    @Deactivate
    void deactivate() {
        try {
            exits.close();
        } catch (Exception e) {
            // unsubscribing cannot fail in a way that matters here
        }
        soon.shutdownNow();
        timer.close();
    }

    private static final Pattern SERVICE_DIRECTORY = Pattern.compile("service_(\\d+)");

    /** The service whose directory a daemon ran in; empty for an engine's shared daemon. */
    static Optional<Long> serviceOf(Path directory) {
        Matcher m = SERVICE_DIRECTORY.matcher(directory.getFileName().toString());
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** Reconciles one service now (a daemon of it exited); as a pass would, back-off included. */
    void reconcileService(long serviceId) {
        try {
            MediaServiceEntity s = store.read(em -> em.find(MediaServiceEntity.class, serviceId));
            if (s != null && node.name().equals(s.node) && !s.deleting) {
                reconcile(s, queue.servicesWithPendingActions(node.name()));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not look at service {} after its daemon exited: {}", serviceId, e.getMessage());
        }
    }

    /**
     * How long the reconciler leaves a service alone after its {@code restarts}-th restart in a
     * row: {@code base}, then twice as long each time, at most 30 minutes, so a service that
     * crashes at once is not restarted in a loop.
     */
    static long pauseSeconds(long restarts, long base) {
        return Math.min(1800, Math.max(1, base) << Math.min(Math.max(restarts, 1) - 1, 20));
    }

    /** One pass over this node's services; returns how many actions it queued. */
    int reconcile() {
        Set<Long> pending = queue.servicesWithPendingActions(node.name());
        List<MediaServiceEntity> services = store.read(em -> em.createQuery(
                        "SELECT s FROM MediaServiceEntity s " + "WHERE s.node = :node AND s.deleting = :no",
                        MediaServiceEntity.class)
                .setParameter("node", node.name())
                .setParameter("no", false)
                .getResultList());
        int queued = 0;
        for (MediaServiceEntity s : services) {
            queued += reconcile(s, pending) ? 1 : 0;
        }
        return queued;
    }

    /** Probes one service and queues what brings it where it should be; true when it queued an action. */
    private synchronized boolean reconcile(MediaServiceEntity s, Set<Long> pending) {
        // one service at a time: an exit seen now and the periodic pass must not both restart it
        if (pending.contains(s.id)
                || engines.offered(s.engineType).isEmpty()
                || "NEW".equals(s.state) && !"RUNNING".equals(s.desiredState)) {
            return false;
        }
        ServiceStatus status;
        try {
            Optional<ServiceStatus> probed = engines.call(
                    runtime, s, "probe", Duration.ofSeconds(config.pluginCallSeconds()), EngineHandler::probe);
            if (probed.isEmpty()) {
                return false;
            }
            status = probed.get();
        } catch (PluginCalls.PluginFailure e) {
            status = new ServiceStatus(RunState.UNKNOWN, "probe failed: " + e.getMessage());
        }
        boolean shouldRun = "RUNNING".equals(s.desiredState) && !s.suspended;
        if (shouldRun && status.state() != RunState.RUNNING && status.state() != RunState.UNKNOWN) {
            long[] b = backoff.computeIfAbsent(s.id, id -> new long[] {0, 0, 0});
            if (System.currentTimeMillis() < b[1]) {
                return false;
            }
            if (b[0] >= config.giveUpAfterRestarts()) {
                // it keeps dying: restarting it again would only hide that; a person decides now
                b[1] = Long.MAX_VALUE;
                String why = "gave up after " + b[0] + " restarts in a row (last: " + status.detail()
                        + "); start it again once the cause is fixed";
                runtime.setState(s.id, "FAILED", why);
                runtime.recordEvent(s.id, why);
                return false;
            }
            b[0]++;
            b[2] = System.currentTimeMillis();
            b[1] = b[2] + pauseSeconds(b[0], config.restartPauseSeconds()) * 1000L;
            runtime.setState(s.id, status.state().name(), status.detail());
            enqueue(s, ActionType.START, "found not running (" + status.detail() + "); restarting it");
            return true;
        } else if (!shouldRun && status.state() == RunState.RUNNING) {
            enqueue(s, ActionType.STOP, "found running although it should not; stopping it");
            return true;
        } else if (status.state() == RunState.RUNNING) {
            // seen running just after a restart is not well yet: one that dies again within the
            // minute is still dying "in a row" (a pass that happened to probe between deaths reset
            // it); running after the reconciler gave up means a person started it: a fresh start
            long[] b = backoff.get(s.id);
            if (b != null && (b[1] == Long.MAX_VALUE || System.currentTimeMillis() - b[2] >= WELL_AGAIN_MILLIS)) {
                backoff.remove(s.id);
            }
            if (!"RUNNING".equals(s.state)) {
                runtime.setState(s.id, "RUNNING", status.detail());
            }
        }
        return false;
    }

    private void enqueue(MediaServiceEntity s, ActionType action, String why) {
        store.write(em -> {
            queue.enqueue(s.id, action, SYSTEM, why);
            runtime.insertEvent(em, s.id, why);
            return null;
        });
        events.publish(new PanelEvents.Event("service.event", s.ownerPath, Map.of("serviceId", s.id, "message", why)));
    }
}
