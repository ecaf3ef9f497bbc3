/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.castpanel.core.api.ActionType;
import org.castpanel.core.api.AuditService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.Validation;
import org.castpanel.engine.api.Capabilities;
import org.castpanel.engine.api.ConfigField;
import org.castpanel.engine.api.MountPoint;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.MountEntity;
import org.castpanel.persistence.Store;
import org.castpanel.queue.api.ActionQueue;
import org.castpanel.services.api.EngineCatalog;
import org.castpanel.services.api.EngineInfo;
import org.castpanel.services.api.MountInput;
import org.castpanel.services.api.ServiceMount;
import org.castpanel.services.api.ServiceMounts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Extra mount points of services whose engine has them. The service's {@code mountPoints} limit
 * counts its main mount too; names are unique within the service, main mount included; a mount
 * another one falls back to cannot be deleted. A change bumps the service's revision, so the
 * engine sees it on the next action, and reloads a service that should run.
 */
@Component(service = ServiceMounts.class, configurationPid = ServicesConfig.PID)
public class ServiceMountsImpl implements ServiceMounts {

    /** A bound on mounts per service whatever its limit says: each is a block in the engine's config. */
    static final int MOST_MOUNTS = 100;

    private final Store store;
    private final AuditService audit;
    private final ActionQueue queue;
    private final EngineCatalog engines;

    private volatile ServicesConfig config;

    @org.osgi.service.component.annotations.Modified
    void modified(ServicesConfig config) {
        this.config = config;
    }

    @Activate
    public ServiceMountsImpl(
            final @Reference Store store,
            final @Reference AuditService audit,
            final @Reference EngineCatalog engines,
            final @Reference ActionQueue queue,
            final ServicesConfig config) {
        this.store = store;
        this.audit = audit;
        this.queue = queue;
        this.config = config;
        this.engines = engines;
    }

    @Override
    public List<ServiceMount> list(Caller caller, long serviceId) {
        return store.read(em -> {
            MediaServicesImpl.visible(em, caller, serviceId);
            return mounts(em, serviceId).stream()
                    .map(ServiceMountsImpl::toMount)
                    .toList();
        });
    }

    @Override
    public ServiceMount create(Caller caller, long serviceId, MountInput input) {
        return change(
                caller,
                serviceId,
                (em, s) -> {
                    List<MountEntity> existing = mounts(em, serviceId);
                    int allowed = s.mountPoints == null ? MOST_MOUNTS : Math.min(MOST_MOUNTS, s.mountPoints);
                    if (existing.size() + 2 > allowed) {
                        throw CastPanelException.conflict(
                                "mountPoints",
                                "service " + s.id + " may have " + allowed
                                        + " mount point(s), its main mount included; it has " + (existing.size() + 1));
                    }
                    MountEntity m = new MountEntity();
                    m.id = store.nextId("cp_mount");
                    m.serviceId = serviceId;
                    m.createdAt = System.currentTimeMillis();
                    apply(em, s, m, input, existing);
                    em.persist(m);
                    return m;
                },
                "mount.create");
    }

    @Override
    public ServiceMount update(Caller caller, long serviceId, long mountId, MountInput input) {
        return change(
                caller,
                serviceId,
                (em, s) -> {
                    MountEntity m = find(em, serviceId, mountId);
                    String previousName = m.name;
                    List<MountEntity> others = mounts(em, serviceId).stream()
                            .filter(o -> o.id != mountId)
                            .toList();
                    apply(em, s, m, input, others);
                    if (!m.name.equals(previousName)) {
                        // mounts falling back to the renamed one follow it
                        others.stream()
                                .filter(o -> previousName.equals(o.fallbackMount))
                                .forEach(o -> o.fallbackMount = m.name);
                    }
                    return m;
                },
                "mount.update");
    }

    @Override
    public void delete(Caller caller, long serviceId, long mountId) {
        change(
                caller,
                serviceId,
                (em, s) -> {
                    MountEntity m = find(em, serviceId, mountId);
                    Optional<MountEntity> dependent = mounts(em, serviceId).stream()
                            .filter(o -> m.name.equals(o.fallbackMount))
                            .findFirst();
                    if (dependent.isPresent()) {
                        throw CastPanelException.conflict("mount point " + m.name + " is the fallback of "
                                + dependent.get().name + "; change that one first");
                    }
                    em.remove(m);
                    return m;
                },
                "mount.delete");
    }

    private interface MountChange {
        MountEntity apply(EntityManager em, MediaServiceEntity service);
    }

    /** One mount change in one transaction: the service bumped, audited, reloaded if it should run. */
    private ServiceMount change(Caller caller, long serviceId, MountChange change, String auditAction) {
        return store.write(em -> {
            MediaServiceEntity s = MediaServicesImpl.visible(em, caller, serviceId);
            if (s.deleting) {
                throw CastPanelException.conflict("service " + s.id + " is being deleted");
            }
            engine(s);
            MountEntity m = change.apply(em, s);
            s.updatedAt = MediaServicesImpl.revised(s);
            audit.record(caller, auditAction, "service", s.id, s.ownerPath, m.name);
            if ("RUNNING".equals(s.desiredState)) {
                queue.enqueue(s.id, ActionType.RELOAD, caller, "mount point " + m.name + " changed");
            }
            em.flush();
            return toMount(m);
        });
    }

    private EngineInfo engine(MediaServiceEntity s) {
        EngineInfo engine = engines.get(s.engineType)
                .filter(EngineInfo::available)
                .orElseThrow(
                        () -> CastPanelException.conflict("the " + s.engineType + " engine plugin is not installed"));
        if (!engine.type().capabilities().contains(Capabilities.MOUNT_POINTS)) {
            throw CastPanelException.conflict(s.engineType + " services have no mount points");
        }
        return engine;
    }

    /** The service's main mount: its {@code mount} setting, or the engine's default for it. */
    String mainMount(MediaServiceEntity s) {
        Object configured = s.settings().get("mount");
        if (configured != null) {
            return configured.toString();
        }
        return engine(s).type().serviceConfig().stream()
                .filter(f -> f.name().equals("mount"))
                .findFirst()
                .map(ConfigField::defaultValue)
                .map(Object::toString)
                .orElse(null);
    }

    private void apply(
            EntityManager em, MediaServiceEntity s, MountEntity m, MountInput input, List<MountEntity> others) {
        String main = mainMount(s);
        m.name = name("name", input.name());
        if (m.name.equals(main) || others.stream().anyMatch(o -> o.name.equals(m.name))) {
            throw CastPanelException.conflict("name", "service " + s.id + " already has the mount point " + m.name);
        }
        m.maxListeners = Validation.limit("maxListeners", input.maxListeners(), config.serviceMaxListeners());
        if (m.maxListeners != null && s.maxListeners != null && m.maxListeners > s.maxListeners) {
            throw CastPanelException.invalid(
                    "maxListeners", "maxListeners must be at most the service's " + s.maxListeners);
        }
        m.fallbackMount = input.fallbackMount() == null || input.fallbackMount().isBlank()
                ? null
                : name("fallbackMount", input.fallbackMount());
        if (m.fallbackMount != null) {
            if (m.fallbackMount.equals(m.name)) {
                throw CastPanelException.invalid("fallbackMount", "a mount point cannot fall back to itself");
            }
            if (!m.fallbackMount.equals(main) && others.stream().noneMatch(o -> o.name.equals(m.fallbackMount))) {
                throw CastPanelException.invalid(
                        "fallbackMount",
                        "service " + s.id + " has no mount point " + m.fallbackMount + " to fall back to");
            }
        }
        m.hidden = Boolean.TRUE.equals(input.hidden());
        m.streamName = optionalText("streamName", input.streamName(), 100);
        m.description = optionalText("description", input.description(), 200);
        m.genre = optionalText("genre", input.genre(), 60);
    }

    private static String name(String field, String value) {
        if (value == null || !MountPoint.NAME.matcher(value).matches()) {
            throw CastPanelException.invalid(
                    field,
                    field + " must start with / and then use 1 to 63 letters, " + "digits, . _ or -, such as /live");
        }
        return value;
    }

    private static String optionalText(String field, String value, int max) {
        return value == null || value.isBlank() ? null : Validation.text(field, value.strip(), max);
    }

    /** Refuses a main mount that an extra mount already uses. */
    static void checkMainMount(EntityManager em, MediaServiceEntity s, String main) {
        if (main != null && mounts(em, s.id).stream().anyMatch(m -> m.name.equals(main))) {
            throw CastPanelException.conflict(
                    "config.mount",
                    "service " + s.id + " already has the mount point " + main
                            + "; choose another main mount or delete that one");
        }
    }

    /** Refuses a mount-point limit below what the service has. */
    static void checkMountCount(EntityManager em, MediaServiceEntity s) {
        long extra = em.createQuery("SELECT COUNT(m) FROM MountEntity m WHERE m.serviceId = :id", Long.class)
                .setParameter("id", s.id)
                .getSingleResult();
        if (extra > 0 && s.mountPoints != null && extra + 1 > s.mountPoints) {
            throw CastPanelException.conflict(
                    "mountPoints",
                    "service " + s.id + " has " + (extra + 1)
                            + " mount points; delete some before lowering its limit to " + s.mountPoints);
        }
    }

    private static List<MountEntity> mounts(EntityManager em, long serviceId) {
        return em.createQuery("SELECT m FROM MountEntity m WHERE m.serviceId = :id ORDER BY m.name", MountEntity.class)
                .setParameter("id", serviceId)
                .getResultList();
    }

    private static MountEntity find(EntityManager em, long serviceId, long mountId) {
        MountEntity m = em.find(MountEntity.class, mountId);
        if (m == null || m.serviceId != serviceId) {
            throw CastPanelException.notFound("mount point", mountId);
        }
        return m;
    }

    private static ServiceMount toMount(MountEntity m) {
        return new ServiceMount(
                m.id,
                m.serviceId,
                m.name,
                m.maxListeners,
                m.fallbackMount,
                m.hidden,
                m.streamName,
                m.description,
                m.genre,
                Instant.ofEpochMilli(m.createdAt));
    }
}
