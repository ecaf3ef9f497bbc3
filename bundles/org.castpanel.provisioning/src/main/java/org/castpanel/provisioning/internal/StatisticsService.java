/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.provisioning.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.ListenerInfo;
import org.castpanel.engine.api.ServiceStats;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.ServiceTransferEntity;
import org.castpanel.persistence.StatsSampleEntity;
import org.castpanel.persistence.Store;
import org.castpanel.services.api.MediaService;
import org.castpanel.services.api.MediaServices;
import org.castpanel.services.api.ServiceConnection;
import org.castpanel.services.api.ServiceState;
import org.castpanel.services.api.ServiceStatistics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Asks a service's engine for a statistics sample or its connection details, through the same
 * time-limited plugin calls as the queue. Keeping samples over time is the job of each engine's
 * collector.
 */
@Component(service = {ServiceStatistics.class, ServiceConnection.class})
public class StatisticsService implements ServiceStatistics, ServiceConnection {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_POINTS = 2000;

    private final MediaServices services;
    private final EngineRegistry engines;
    private final ServiceRuntime runtime;
    private final Store store;

    @Activate
    public StatisticsService(
            final @Reference MediaServices services,
            final @Reference EngineRegistry engines,
            final @Reference ServiceRuntime runtime,
            final @Reference Store store) {
        this.services = services;
        this.engines = engines;
        this.runtime = runtime;
        this.store = store;
    }

    @Override
    public Map<String, String> details(Caller caller, long serviceId) {
        services.get(caller, serviceId); // tenancy: not found if not the caller's
        MediaServiceEntity row = store.read(em -> em.find(MediaServiceEntity.class, serviceId));
        try {
            if (engines.offered(row.engineType).isEmpty()) {
                throw CastPanelException.conflict("the " + row.engineType + " engine plugin is not installed");
            }
            return engines.call(runtime, row, "connectionDetails", TIMEOUT, EngineHandler::connectionDetails)
                    .orElse(Map.of());
        } catch (PluginCalls.PluginFailure e) {
            throw CastPanelException.conflict("the engine could not tell the connection details: " + e.getMessage());
        }
    }

    @Override
    public History history(Caller caller, long serviceId, int hours) {
        services.get(caller, serviceId);
        long since = System.currentTimeMillis() - Math.max(1, Math.min(hours, 24 * 31)) * 3_600_000L;
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        return store.read(em -> {
            List<StatsSampleEntity> rows = em.createQuery(
                            "SELECT x FROM StatsSampleEntity x WHERE x.serviceId = :id "
                                    + "AND x.at >= :since ORDER BY x.at",
                            StatsSampleEntity.class)
                    .setParameter("id", serviceId)
                    .setParameter("since", since)
                    .getResultList();
            int step = Math.max(1, rows.size() / MAX_POINTS + (rows.size() % MAX_POINTS == 0 ? 0 : 1));
            List<ServiceStats> samples = new java.util.ArrayList<>();
            for (int i = 0; i < rows.size(); i += step) {
                StatsSampleEntity x = rows.get(i);
                samples.add(new ServiceStats(
                        java.time.Instant.ofEpochMilli(x.at),
                        x.listeners,
                        x.peakListeners,
                        x.bytesOut,
                        x.sourceConnected,
                        x.title));
            }
            ServiceTransferEntity transfer =
                    em.find(ServiceTransferEntity.class, new ServiceTransferEntity.Key(serviceId, month));
            return new History(serviceId, samples, transfer == null ? 0 : transfer.bytes);
        });
    }

    @Override
    public List<ListenerInfo> listeners(Caller caller, long serviceId) {
        MediaService service = services.get(caller, serviceId);
        if (service.state() != ServiceState.RUNNING) {
            return List.of();
        }
        MediaServiceEntity row = store.read(em -> em.find(MediaServiceEntity.class, serviceId));
        try {
            return engines.call(runtime, row, "listeners", TIMEOUT, EngineHandler::listeners)
                    .orElse(List.of());
        } catch (PluginCalls.PluginFailure e) {
            throw CastPanelException.conflict("the engine could not list the listeners: " + e.getMessage());
        }
    }

    @Override
    public Current current(Caller caller, long serviceId) {
        MediaService service = services.get(caller, serviceId); // tenancy: not found if not the caller's
        if (service.state() != ServiceState.RUNNING) {
            return new Current(serviceId, service.state(), null);
        }
        MediaServiceEntity row = store.read(em -> em.find(MediaServiceEntity.class, serviceId));
        try {
            ServiceStats sample = engines.call(runtime, row, "statistics", TIMEOUT, EngineHandler::statistics)
                    .orElse(null);
            return new Current(serviceId, service.state(), sample);
        } catch (PluginCalls.PluginFailure e) {
            return new Current(serviceId, service.state(), null);
        }
    }
}
