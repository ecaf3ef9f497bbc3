/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.provisioning.internal;

import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.castpanel.core.api.PanelEvents;
import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.MountPoint;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.ServiceLimits;
import org.castpanel.engine.api.ServiceStatus;
import org.castpanel.engine.api.platform.ServiceDirectories;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.MountEntity;
import org.castpanel.persistence.ServiceEventEntity;
import org.castpanel.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the runner, the reconciler and the collector share: a handler's context, and recording what happened to a service. */
@Component(service = ServiceRuntime.class)
public class ServiceRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRuntime.class);

    private final Store store;
    private final PanelEvents events;
    private final ServiceDirectories directories;

    @Activate
    public ServiceRuntime(
            final @Reference Store store,
            final @Reference PanelEvents events,
            final @Reference ServiceDirectories directories) {
        this.store = store;
        this.events = events;
        this.directories = directories;
    }

    ServiceContext context(MediaServiceEntity s) {
        Map<String, Object> config = s.settings();
        List<MountPoint> mounts = store
                .read(em -> em.createQuery(
                                "SELECT m FROM MountEntity m WHERE m.serviceId = :id " + "ORDER BY m.name",
                                MountEntity.class)
                        .setParameter("id", s.id)
                        .getResultList())
                .stream()
                .map(m -> new MountPoint(
                        m.name, m.maxListeners, m.fallbackMount, m.hidden, m.streamName, m.description, m.genre))
                .toList();
        return new ServiceContext(
                s.id,
                s.ownerId,
                s.engineType,
                s.name,
                s.node,
                new ServiceLimits(s.maxListeners, s.maxBitrateKbps, s.diskQuotaMb, s.dataTransferGb, s.mountPoints),
                config,
                directories.serviceDirectory(s.id),
                directories.contentDirectory(s.ownerId),
                mounts);
    }

    /** The callback a service's handler reports through. */
    EngineCallback callback(long serviceId) {
        return new EngineCallback() {
            @Override
            public void statusChanged(ServiceStatus status) {
                setState(serviceId, status.state().name(), status.detail());
            }

            @Override
            public void event(String message) {
                recordEvent(serviceId, message);
            }
        };
    }

    void setState(long serviceId, String state, String detail) {
        publishState(serviceId, store.write(em -> updateState(em, serviceId, state, detail)), state, detail);
    }

    /**
     * A bulk update: it neither checks nor bumps the row's version, so it never collides with an
     * owner changing the service at the same moment (which writes only the columns it changed).
     * Answers the owner's path, null when the service is gone.
     */
    String updateState(EntityManager em, long serviceId, String state, String detail) {
        int updated = em.createQuery("UPDATE MediaServiceEntity s SET s.state = :state, s.stateDetail = :detail "
                        + "WHERE s.id = :id")
                .setParameter("state", state)
                .setParameter("detail", detail == null ? null : truncate(detail))
                .setParameter("id", serviceId)
                .executeUpdate();
        if (updated == 0) {
            return null;
        }
        return em.createQuery("SELECT s.ownerPath FROM MediaServiceEntity s WHERE s.id = :id", String.class)
                .setParameter("id", serviceId)
                .getSingleResult();
    }

    void publishState(long serviceId, String ownerPath, String state, String detail) {
        if (ownerPath != null) {
            events.publish(new PanelEvents.Event(
                    "service.state",
                    ownerPath,
                    Map.of("serviceId", serviceId, "state", state, "detail", detail == null ? "" : detail)));
        }
    }

    void recordEvent(long serviceId, String message) {
        LOG.info("Service {}: {}", serviceId, message);
        String ownerPath = store.write(em -> {
            MediaServiceEntity s = em.find(MediaServiceEntity.class, serviceId);
            insertEvent(em, serviceId, message);
            return s == null ? null : s.ownerPath;
        });
        events.publish(
                new PanelEvents.Event("service.event", ownerPath, Map.of("serviceId", serviceId, "message", message)));
    }

    void insertEvent(EntityManager em, long serviceId, String message) {
        ServiceEventEntity e = new ServiceEventEntity();
        e.id = store.nextId("cp_service_event");
        e.serviceId = serviceId;
        e.at = System.currentTimeMillis();
        e.message = truncate(message);
        em.persist(e);
    }

    static String truncate(String text) {
        return text.length() > 1000 ? text.substring(0, 997) + "…" : text;
    }
}
