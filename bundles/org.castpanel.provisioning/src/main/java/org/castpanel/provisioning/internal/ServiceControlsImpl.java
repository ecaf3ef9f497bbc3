/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.provisioning.internal;

import java.time.Duration;

import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.engine.api.Capabilities;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.Store;
import org.castpanel.services.api.MediaService;
import org.castpanel.services.api.MediaServices;
import org.castpanel.services.api.ServiceControls;
import org.castpanel.services.api.ServiceState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The service's handler does it now, through the same time-limited plugin calls as the queue. */
@Component(service = ServiceControls.class)
public class ServiceControlsImpl implements ServiceControls {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServiceControlsImpl.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final MediaServices services;
    private final EngineRegistry engines;
    private final ServiceRuntime runtime;
    private final Store store;

    @Activate
    public ServiceControlsImpl(
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
    public void skipTrack(Caller caller, long serviceId) {
        MediaService service = services.get(caller, serviceId); // tenancy: not found if not the caller's
        MediaServiceEntity row = store.read(em -> em.find(MediaServiceEntity.class, serviceId));
        EngineRegistry.Offered engine = engines.offered(row.engineType)
                .orElseThrow(
                        () -> CastPanelException.conflict("the " + row.engineType + " engine plugin is not installed"));
        if (!engine.type().capabilities().contains(Capabilities.SKIP_TRACK)) {
            throw CastPanelException.conflict(
                    "service " + serviceId + " is a " + engine.type().label() + " service: it has no tracks to skip");
        }
        if (service.state() != ServiceState.RUNNING) {
            throw CastPanelException.conflict(
                    "service " + serviceId + " is " + service.state() + ": start it before skipping a track");
        }
        try {
            engines.call(runtime, row, "skipTrack", TIMEOUT, EngineHandler::skipTrack);
        } catch (PluginCalls.PluginFailure e) {
            throw CastPanelException.conflict("the track was not skipped: " + e.getMessage());
        }
    }

    @Override
    public void refreshUpcoming(Caller caller, long serviceId) {
        MediaService service = services.get(caller, serviceId); // tenancy: not found if not the caller's
        MediaServiceEntity row = store.read(em -> em.find(MediaServiceEntity.class, serviceId));
        boolean able = engines.offered(row.engineType)
                .map(o -> o.type().capabilities().contains(Capabilities.SKIP_TRACK))
                .orElse(false);
        if (!able || service.state() != ServiceState.RUNNING) {
            return;
        }
        try {
            engines.call(runtime, row, "refreshUpcoming", TIMEOUT, EngineHandler::refreshUpcoming);
        } catch (PluginCalls.PluginFailure e) {
            LOG.warn("Service {}: its engine did not take the changed next track: {}", serviceId, e.getMessage());
        }
    }
}
