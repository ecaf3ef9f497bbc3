/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.provisioning.internal;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.castpanel.accounts.api.PlanService;
import org.castpanel.accounts.api.ResellerPlan;
import org.castpanel.core.api.ActionType;
import org.castpanel.core.api.AuditService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.PanelEvents;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.ServiceStats;
import org.castpanel.engine.api.platform.PanelNode;
import org.castpanel.events.api.Outbox;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.ServiceTransferEntity;
import org.castpanel.persistence.StatsSampleEntity;
import org.castpanel.persistence.Store;
import org.castpanel.queue.api.ActionQueue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every running service's engine for statistics, stores the samples (bounded retention),
 * accounts the bytes sent per calendar month (UTC), and suspends a service that used up its
 * monthly data transfer. One pass writes all its samples in one transaction, so polling many
 * services costs little.
 */
@Component(immediate = true, configurationPid = ProvisioningConfig.PID)
public class StatsCollector {

    private static final Logger LOG = LoggerFactory.getLogger(StatsCollector.class);
    private static final long GB = 1_000_000_000L;

    private final Store store;
    private final PanelNode node;
    private final EngineRegistry engines;
    private static final Caller SYSTEM = Caller.system("statistics");

    private final ActionQueue queue;
    private final ServiceRuntime runtime;
    private final AuditService audit;
    private final Outbox outbox;
    private final PanelEvents events;
    private final PlanService plans;
    private final ProvisioningConfig config;
    private final PeriodicTask timer;
    /** serviceId → bytes sent as of the previous sample, to turn the engine's counter into deltas */
    private final Map<Long, Long> lastBytes = new ConcurrentHashMap<>();

    private long passes;

    @Activate
    public StatsCollector(
            final @Reference Store store,
            final @Reference EngineRegistry engines,
            final @Reference ActionQueue queue,
            final @Reference ServiceRuntime runtime,
            final @Reference AuditService audit,
            final @Reference Outbox outbox,
            final @Reference PanelEvents events,
            final @Reference PlanService plans,
            final @Reference PanelNode node,
            final ProvisioningConfig config) {
        this.runtime = runtime;
        this.audit = audit;
        this.outbox = outbox;
        this.store = store;
        this.node = node;
        this.engines = engines;
        this.queue = queue;
        this.events = events;
        this.plans = plans;
        this.config = config;
        this.timer = new PeriodicTask(
                "castpanel-stats-collector", config.statsSeconds(), config.statsSeconds(), this::collect);
    }

    @Deactivate
    void deactivate() {
        timer.close();
    }

    /**
     * Bytes sent since the previous sample of the engine's running total: nothing for the first
     * sample (the total before the panel looked is not this month's to count), the difference while
     * it rises, and the whole new total when it fell (the daemon restarted and counts from zero).
     */
    static long transferred(Long previousTotal, long total) {
        if (previousTotal == null) {
            return 0;
        }
        return total >= previousTotal ? total - previousTotal : total;
    }

    /** One pass; returns how many samples it stored. */
    int collect() {
        List<MediaServiceEntity> running = store.read(em -> em.createQuery(
                        "SELECT s FROM MediaServiceEntity s "
                                + "WHERE s.node = :node AND s.state = 'RUNNING' AND s.deleting = :no",
                        MediaServiceEntity.class)
                .setParameter("node", node.name())
                .setParameter("no", false)
                .getResultList());
        Map<MediaServiceEntity, ServiceStats> samples = new java.util.LinkedHashMap<>();
        for (MediaServiceEntity s : running) {
            try {
                engines.call(runtime, s, "statistics", Duration.ofSeconds(5), EngineHandler::statistics)
                        .ifPresent(sample -> samples.put(s, sample));
            } catch (PluginCalls.PluginFailure e) {
                LOG.debug("no statistics from service {}: {}", s.id, e.getMessage());
            }
        }
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        long now = System.currentTimeMillis();
        List<MediaServiceEntity> overAllowance = new java.util.ArrayList<>();
        store.write(em -> {
            for (Map.Entry<MediaServiceEntity, ServiceStats> entry : samples.entrySet()) {
                MediaServiceEntity s = entry.getKey();
                ServiceStats stats = entry.getValue();
                StatsSampleEntity row = new StatsSampleEntity();
                row.id = store.nextId("cp_stats_sample");
                row.serviceId = s.id;
                row.at = stats.at() == null ? now : stats.at().toEpochMilli();
                row.listeners = stats.listeners();
                row.peakListeners = stats.peakListeners();
                row.bytesOut = stats.bytesOut();
                row.sourceConnected = stats.sourceConnected();
                String title = stats.nowPlaying();
                row.title = title == null || title.length() <= 300 ? title : title.substring(0, 299) + "…";
                em.persist(row);
                Long previous = lastBytes.put(s.id, stats.bytesOut());
                long delta = transferred(previous, stats.bytesOut());
                // only this node's collector writes a service's transfer rows, so read-modify-write is safe
                ServiceTransferEntity transfer =
                        em.find(ServiceTransferEntity.class, new ServiceTransferEntity.Key(s.id, month));
                if (delta > 0) {
                    if (transfer == null) {
                        transfer = new ServiceTransferEntity();
                        transfer.serviceId = s.id;
                        transfer.period = month;
                        em.persist(transfer);
                    }
                    transfer.bytes += delta;
                }
                if (s.dataTransferGb != null && !s.suspended) {
                    long used = transfer == null ? 0 : transfer.bytes;
                    if (used > s.dataTransferGb * GB) {
                        overAllowance.add(s);
                    }
                }
            }
            if (++passes % 100 == 0) {
                long cutoff = now - config.statsRetentionDays() * 86_400_000L;
                em.createQuery("DELETE FROM StatsSampleEntity x WHERE x.at < :cutoff")
                        .setParameter("cutoff", cutoff)
                        .executeUpdate();
            }
            return null;
        });
        for (MediaServiceEntity s : overAllowance) {
            // services outside any plan follow the panel-wide setting
            if (plans.governingPlan(s.ownerId)
                    .map(ResellerPlan::suspendOverTransfer)
                    .orElse(config.suspendOverTransfer())) {
                suspend(s);
            }
        }
        for (Map.Entry<MediaServiceEntity, ServiceStats> entry : samples.entrySet()) {
            events.publish(new PanelEvents.Event(
                    "stats",
                    entry.getKey().ownerPath,
                    Map.of("serviceId", entry.getKey().id, "sample", entry.getValue())));
        }
        return samples.size();
    }

    /** Suspends like an administrator would, as the system actor: audited, queued, in the outbox. */
    private void suspend(MediaServiceEntity service) {
        String why = "suspended: the monthly data transfer of " + service.dataTransferGb + " GB is used up";
        boolean suspended = store.write(em -> {
            MediaServiceEntity s = em.find(MediaServiceEntity.class, service.id);
            if (s == null || s.suspended) {
                return false;
            }
            s.suspended = true;
            s.desiredState = "STOPPED";
            audit.record(SYSTEM, "service.suspend", "service", s.id, s.ownerPath, why);
            queue.enqueue(s.id, ActionType.STOP, SYSTEM, why);
            runtime.insertEvent(em, s.id, why);
            outbox.record("service.suspended", s.ownerPath, Map.of("serviceId", s.id, "reason", why));
            return true;
        });
        if (suspended) {
            LOG.warn("Service {} {}", service.id, why);
            events.publish(new PanelEvents.Event(
                    "service.event", service.ownerPath, Map.of("serviceId", service.id, "message", why)));
        }
    }
}
