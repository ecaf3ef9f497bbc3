/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.castpanel.accounts.api.Tenancy;
import org.castpanel.core.api.ActionType;
import org.castpanel.core.api.AuditService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.Page;
import org.castpanel.core.api.Paging;
import org.castpanel.core.api.PanelEvents;
import org.castpanel.core.api.ServiceAction;
import org.castpanel.core.api.ServiceEvent;
import org.castpanel.core.api.Validation;
import org.castpanel.engine.api.Capabilities;
import org.castpanel.engine.api.ConfigField;
import org.castpanel.engine.api.EngineRole;
import org.castpanel.engine.api.EngineType;
import org.castpanel.engine.api.platform.EngineServer;
import org.castpanel.engine.api.platform.OutboundTargets;
import org.castpanel.engine.api.platform.PanelNode;
import org.castpanel.persistence.AccountEntity;
import org.castpanel.persistence.EngineServerEntity;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.PlanEntity;
import org.castpanel.persistence.ServiceEventEntity;
import org.castpanel.persistence.Store;
import org.castpanel.queue.api.ActionQueue;
import org.castpanel.queue.api.QueuedAction;
import org.castpanel.services.api.EngineCatalog;
import org.castpanel.services.api.EngineInfo;
import org.castpanel.services.api.EngineServerAdmin;
import org.castpanel.services.api.MediaService;
import org.castpanel.services.api.MediaServiceChanges;
import org.castpanel.services.api.MediaServices;
import org.castpanel.services.api.NewMediaService;
import org.castpanel.services.api.ServiceForm;
import org.castpanel.services.api.ServiceQuery;
import org.castpanel.services.api.ServiceState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

@Component(service = MediaServices.class, configurationPid = ServicesConfig.PID)
public class MediaServicesImpl implements MediaServices {

    private final Store store;
    private final Tenancy tenancy;
    private final AuditService audit;
    private final ActionQueue queue;
    private final EngineServerAdmin engineServers;
    private final EngineCatalog engines;
    private final PanelEvents events;
    private final OutboundTargets targets;
    private final PanelNode node;
    private volatile ServicesConfig config;
    /**
     * Writes checked against a plan (creates, limit changes, moves) run one at a time in this
     * panel before they take a database connection: each also locks the plan's row, and waiters
     * holding pooled connections could otherwise starve the one holding the lock.
     */
    private final java.util.concurrent.locks.ReentrantLock planWrites = new java.util.concurrent.locks.ReentrantLock();

    private <T> T planChecked(java.util.function.Supplier<T> work) {
        planWrites.lock();
        try {
            return work.get();
        } finally {
            planWrites.unlock();
        }
    }

    @Modified
    void modified(ServicesConfig config) {
        this.config = config;
    }

    @Activate
    public MediaServicesImpl(
            final @Reference Store store,
            final @Reference Tenancy tenancy,
            final @Reference AuditService audit,
            final @Reference EngineCatalog engines,
            final @Reference PanelEvents events,
            final @Reference OutboundTargets targets,
            final @Reference PanelNode node,
            final @Reference ActionQueue queue,
            final @Reference EngineServerAdmin engineServers,
            final ServicesConfig config) {
        this.store = store;
        this.tenancy = tenancy;
        this.audit = audit;
        this.engineServers = engineServers;
        this.queue = queue;
        this.node = node;
        this.config = config;
        this.targets = targets;
        this.engines = engines;
        this.events = events;
    }

    // ---- reading ----

    @Override
    public Page<MediaService> list(Caller caller, ServiceQuery query) {
        int size = Paging.size(query.size());
        int page = Paging.page(query.page());
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (!caller.isAdministrator()) {
            where.append(caller.reseller() ? " AND s.ownerPath LIKE :prefix" : " AND s.ownerId = :self");
        }
        if (query.ownerId() != null) {
            where.append(" AND s.ownerId = :owner");
        }
        if (query.engineType() != null) {
            where.append(" AND s.engineType = :type");
        }
        if (query.state() != null) {
            where.append(" AND s.state = :state");
        }
        if (query.suspended() != null) {
            where.append(" AND s.suspended = :suspended");
        }
        return store.read(em -> {
            TypedQuery<MediaServiceEntity> rows = em.createQuery(
                    "SELECT s FROM MediaServiceEntity s" + where + " ORDER BY s.id DESC", MediaServiceEntity.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(s) FROM MediaServiceEntity s" + where, Long.class);
            for (TypedQuery<?> q : List.of(rows, count)) {
                if (!caller.isAdministrator()) {
                    if (caller.reseller()) {
                        q.setParameter("prefix", Paging.likePrefix(caller.path()));
                    } else {
                        q.setParameter("self", caller.accountId());
                    }
                }
                if (query.ownerId() != null) {
                    q.setParameter("owner", query.ownerId());
                }
                if (query.engineType() != null) {
                    q.setParameter("type", query.engineType());
                }
                if (query.state() != null) {
                    q.setParameter("state", query.state().name());
                }
                if (query.suspended() != null) {
                    q.setParameter("suspended", query.suspended());
                }
            }
            List<MediaService> items = new ArrayList<>();
            for (MediaServiceEntity s :
                    rows.setFirstResult(page * size).setMaxResults(size).getResultList()) {
                items.add(toService(em, s));
            }
            return new Page<>(items, page, size, count.getSingleResult());
        });
    }

    @Override
    public MediaService get(Caller caller, long id) {
        return store.read(em -> toService(em, visible(em, caller, id)));
    }

    static MediaServiceEntity visible(EntityManager em, Caller caller, long id) {
        MediaServiceEntity service = em.find(MediaServiceEntity.class, id);
        if (service == null || !(caller.covers(service.ownerPath) || service.ownerId == caller.accountId())) {
            throw CastPanelException.notFound("media service", id);
        }
        return service;
    }

    /** Whether the caller manages the service's owner (suspend, change owner): not the owner itself. */
    private static boolean manages(Caller caller, MediaServiceEntity service) {
        return caller.isAdministrator()
                || (caller.reseller()
                        && service.ownerId != caller.accountId()
                        && service.ownerPath.startsWith(caller.path()));
    }

    @Override
    public ServiceForm form(Caller caller, Long ownerId) {
        return store.read(em -> {
            AccountEntity owner = owner(em, caller, ownerId == null ? caller.accountId() : ownerId);
            AccountEntity reseller = tenancy.governingReseller(em, owner);
            PlanEntity plan = reseller == null ? null : em.find(PlanEntity.class, reseller.resellerPlanId);
            List<EngineInfo> offered = engines.list().stream()
                    .filter(e -> e.available() && e.enabled())
                    .filter(e -> plan == null
                            || tenancy.engineTypes(plan).isEmpty()
                            || tenancy.engineTypes(plan).contains(e.type().id()))
                    .map(e -> caller.isAdministrator() ? e : e.forTenant())
                    .toList();
            AccountEntity self = em.find(AccountEntity.class, caller.accountId());
            // the governing plan is the reseller's: shown to it and those above it, not to its customers
            boolean planIsCallers = reseller != null && caller.managesAccounts() && caller.covers(reseller.path);
            return new ServiceForm(
                    owner.id,
                    offered,
                    self.defaultServiceType,
                    planIsCallers ? tenancy.usage(em, reseller, plan) : null);
        });
    }

    // ---- changing ----

    @Override
    public MediaService create(Caller caller, NewMediaService input) {
        if (input.engineType() == null || input.engineType().isBlank()) {
            throw CastPanelException.invalid("engineType", "engineType is required");
        }
        EngineInfo engine = engines.get(input.engineType())
                .filter(EngineInfo::available)
                .orElseThrow(() -> CastPanelException.invalid(
                        "engineType",
                        "no installed engine offers the type '" + Validation.abbreviate(input.engineType()) + "'"));
        if (!engine.enabled()) {
            throw CastPanelException.invalid(
                    "engineType",
                    "the engine type " + engine.type().id()
                            + " is disabled by the administrator; no new services can use it");
        }
        Map<String, Object> config =
                EngineConfig.validate(engine.type().serviceConfig(), null, input.config(), targets);
        MediaService created = planChecked(() -> store.write(em -> {
            AccountEntity owner = owner(em, caller, input.ownerId() == null ? caller.accountId() : input.ownerId());
            MediaServiceEntity s = new MediaServiceEntity();
            s.id = store.nextId("cp_media_service");
            s.ownerId = owner.id;
            s.ownerPath = owner.path;
            s.engineType = engine.type().id();
            s.node = node.name();
            s.name = input.name() == null || input.name().isBlank()
                    ? defaultName(engine, s.id)
                    : Validation.text("name", input.name().strip(), 100);
            s.desiredState = "STOPPED";
            s.state = ServiceState.NEW.name();
            ServicesConfig c = this.config;
            s.maxListeners = Validation.limit("maxListeners", input.maxListeners(), c.serviceMaxListeners());
            s.maxBitrateKbps = Validation.limit("maxBitrateKbps", input.maxBitrateKbps(), c.serviceMaxBitrateKbps());
            s.diskQuotaMb = Validation.limit("diskQuotaMb", input.diskQuotaMb(), c.serviceMaxDiskQuotaMb());
            s.dataTransferGb = Validation.limit("dataTransferGb", input.dataTransferGb(), c.serviceMaxDataTransferGb());
            s.mountPoints = Validation.limit("mountPoints", input.mountPoints(), c.serviceMaxMountPoints());
            s.settings(config);
            if (engine.type().role() == EngineRole.SOURCE) {
                s.attachedTo = attachable(em, owner, engine.type(), input.attachedTo()).id;
            } else if (input.attachedTo() != null) {
                throw CastPanelException.invalid(
                        "attachedTo",
                        "only a source type (an AutoDJ) feeds another service; "
                                + engine.type().id() + " is a server type");
            }
            checkPlan(em, owner, s);
            if (engine.type().capabilities().contains(Capabilities.REMOTE_SERVERS)) {
                s.engineServerId = engineServers.place(s.engineType);
            }
            s.createdAt = s.updatedAt = revised(s);
            em.persist(s);
            if (Boolean.TRUE.equals(input.useAsDefault())) {
                em.find(AccountEntity.class, caller.accountId()).defaultServiceType = s.engineType;
            }
            audit.record(
                    caller,
                    "service.create",
                    "service",
                    s.id,
                    s.ownerPath,
                    s.engineType + " '" + s.name + "' for " + owner.username);
            em.flush();
            return toService(em, s);
        }));
        publishService(created);
        return created;
    }

    /**
     * The server service a new source service of {@code owner} feeds: one of the owner's own server
     * services whose engine accepts a protocol the source speaks.
     */
    private MediaServiceEntity attachable(EntityManager em, AccountEntity owner, EngineType source, Long serverId) {
        if (serverId == null) {
            throw CastPanelException.invalid(
                    "attachedTo",
                    "a " + source.label() + " service feeds a server service "
                            + "of the same owner: give its id in attachedTo");
        }
        MediaServiceEntity server = em.find(MediaServiceEntity.class, serverId);
        if (server == null || server.ownerId != owner.id) {
            throw CastPanelException.invalid(
                    "attachedTo", "service " + serverId + " is not one of " + owner.username + "'s services");
        }
        if (server.deleting) {
            throw CastPanelException.conflict("attachedTo", "service " + serverId + " is being deleted");
        }
        if (server.attachedTo != null) {
            throw CastPanelException.invalid(
                    "attachedTo",
                    "service " + serverId + " is itself a source; attach to " + "the server service it feeds");
        }
        EngineType serverType = engines.get(server.engineType)
                .filter(EngineInfo::available)
                .map(EngineInfo::type)
                .orElseThrow(() -> CastPanelException.conflict(
                        "attachedTo", "the engine of service " + serverId + " is not installed"));
        if (serverType.protocolFor(source) == null) {
            throw CastPanelException.invalid(
                    "attachedTo",
                    "a " + source.label() + " service cannot feed service "
                            + serverId + " (" + serverType.label() + "): it speaks "
                            + String.join(", ", new java.util.TreeSet<>(source.sourceProtocols())) + "; "
                            + serverType.label()
                            + (serverType.sourceProtocols().isEmpty()
                                    ? " accepts no sources"
                                    : " accepts "
                                            + String.join(
                                                    ", ", new java.util.TreeSet<>(serverType.sourceProtocols()))));
        }
        return server;
    }

    /** The source services feeding a server service. */
    private static List<MediaServiceEntity> sourcesOf(EntityManager em, long serverId) {
        return em.createQuery(
                        "SELECT s FROM MediaServiceEntity s WHERE s.attachedTo = :id ORDER BY s.id",
                        MediaServiceEntity.class)
                .setParameter("id", serverId)
                .getResultList();
    }

    /** A server stops (or is suspended): the sources feeding it stop with it, as the same actor. */
    private void stopSources(EntityManager em, Caller caller, MediaServiceEntity server) {
        for (MediaServiceEntity source : sourcesOf(em, server.id)) {
            if ("RUNNING".equals(source.desiredState) && !source.deleting) {
                source.desiredState = "STOPPED";
                source.updatedAt = revised(source);
                queue.enqueue(
                        source.id, ActionType.STOP, caller, "the server service " + server.id + " it feeds stops");
            }
        }
    }

    private String pathOf(MediaService service) {
        return store.read(em -> em.find(MediaServiceEntity.class, service.id()).ownerPath);
    }

    private static String defaultName(EngineInfo engine, long id) {
        return engine.type().label() + " #" + id;
    }

    /**
     * An account the caller may create services for: one it manages, or itself if it is a reseller
     * or an administrator. A customer's services are set up by its manager, within the plan the
     * manager holds: otherwise a customer could take its reseller's whole plan.
     */
    private AccountEntity owner(EntityManager em, Caller caller, long ownerId) {
        AccountEntity owner;
        try {
            owner = tenancy.visible(em, caller, ownerId);
        } catch (CastPanelException e) {
            throw CastPanelException.invalid("ownerId", "account " + ownerId + " does not exist");
        }
        if (owner.id != caller.accountId() && !tenancy.manages(caller, owner)) {
            throw CastPanelException.forbidden("you cannot create services for this account");
        }
        if (owner.id == caller.accountId() && !caller.managesAccounts()) {
            throw CastPanelException.forbidden(
                    "services are set up by your reseller or administrator; ask them for one");
        }
        if (!owner.enabled) {
            throw CastPanelException.invalid("ownerId", "account " + owner.username + " is disabled");
        }
        return owner;
    }

    private void checkPlan(EntityManager em, AccountEntity owner, MediaServiceEntity service) {
        AccountEntity reseller = tenancy.governingReseller(em, owner);
        if (reseller != null) {
            // one service at a time per plan: the count below then sees every service created before it
            // (READ COMMITTED on MariaDB, H2's default), so parallel creates cannot overbook the plan
            em.lock(reseller, LockModeType.PESSIMISTIC_WRITE);
            tenancy.checkServiceFits(em, reseller, em.find(PlanEntity.class, reseller.resellerPlanId), service);
        }
    }

    @Override
    public MediaService update(Caller caller, long id, MediaServiceChanges changes) {
        boolean limitsChange = changes.maxListeners() != null
                || changes.maxBitrateKbps() != null
                || changes.diskQuotaMb() != null
                || changes.dataTransferGb() != null
                || changes.mountPoints() != null;
        java.util.function.Supplier<MediaService> work = () -> writeRetrying(em -> {
            MediaServiceEntity s = visible(em, caller, id);
            requireNotDeleting(s);
            if (limitsChange && !manages(caller, s) && !caller.isAdministrator()) {
                // a customer may rename and configure its service; its limits are its reseller's to set
                throw CastPanelException.forbidden(
                        "only your reseller or an administrator can change the limits of this service");
            }
            List<String> changed = new ArrayList<>();
            if (changes.name() != null) {
                s.name = Validation.text("name", changes.name().strip(), 100);
                changed.add("name");
            }
            if (changes.maxListeners() != null) {
                s.maxListeners = Validation.limit(
                        "maxListeners", changes.maxListeners().orElse(null), config.serviceMaxListeners());
                changed.add("maxListeners");
            }
            if (changes.maxBitrateKbps() != null) {
                s.maxBitrateKbps = Validation.limit(
                        "maxBitrateKbps", changes.maxBitrateKbps().orElse(null), config.serviceMaxBitrateKbps());
                changed.add("maxBitrateKbps");
            }
            if (changes.diskQuotaMb() != null) {
                s.diskQuotaMb = Validation.limit(
                        "diskQuotaMb", changes.diskQuotaMb().orElse(null), config.serviceMaxDiskQuotaMb());
                changed.add("diskQuotaMb");
            }
            if (changes.dataTransferGb() != null) {
                s.dataTransferGb = Validation.limit(
                        "dataTransferGb", changes.dataTransferGb().orElse(null), config.serviceMaxDataTransferGb());
                changed.add("dataTransferGb");
            }
            if (changes.mountPoints() != null) {
                s.mountPoints = Validation.limit(
                        "mountPoints", changes.mountPoints().orElse(null), config.serviceMaxMountPoints());
                changed.add("mountPoints");
            }
            if (changes.config() != null) {
                EngineInfo engine = engines.get(s.engineType)
                        .filter(EngineInfo::available)
                        .orElseThrow(() -> CastPanelException.conflict("the engine of this service is not installed; "
                                + "its settings cannot be checked now"));
                Map<String, Object> config =
                        EngineConfig.validate(engine.type().serviceConfig(), s.settings(), changes.config(), targets);
                s.settings(config);
                if (config.get("mount") != null) {
                    ServiceMountsImpl.checkMainMount(em, s, config.get("mount").toString());
                }
                changed.add("config");
            }
            if (changes.mountPoints() != null) {
                ServiceMountsImpl.checkMountCount(em, s);
            }
            if (limitsChange) {
                checkPlan(em, em.find(AccountEntity.class, s.ownerId), s);
            }
            if (!changed.isEmpty()) {
                s.updatedAt = revised(s);
                audit.record(caller, "service.update", "service", s.id, s.ownerPath, String.join(" ", changed));
                if ("RUNNING".equals(s.desiredState)) {
                    queue.enqueue(s.id, ActionType.RELOAD, caller, "settings changed: " + String.join(" ", changed));
                }
            }
            em.flush();
            return toService(em, s);
        });
        MediaService updated = limitsChange ? planChecked(work) : work.get();
        publishService(updated);
        return updated;
    }

    @Override
    public MediaService changeOwner(Caller caller, long id, long newOwnerId) {
        MediaService moved = planChecked(() -> writeRetrying(em -> {
            MediaServiceEntity s = visible(em, caller, id);
            requireNotDeleting(s);
            if (!manages(caller, s)) {
                throw CastPanelException.forbidden("only administrators and resellers move services between accounts");
            }
            AccountEntity owner = owner(em, caller, newOwnerId);
            if (s.attachedTo != null || !sourcesOf(em, s.id).isEmpty()) {
                // a source and its server share an owner; moving one would break the pair
                throw CastPanelException.conflict("service " + s.id
                        + (s.attachedTo != null ? " feeds service " + s.attachedTo : " is fed by a source service")
                        + "; delete the source to move the server");
            }
            long previous = s.ownerId;
            s.ownerId = owner.id;
            s.ownerPath = owner.path;
            checkPlan(em, owner, s);
            queue.serviceMoved(s.id, owner.path);
            s.updatedAt = revised(s);
            audit.record(
                    caller,
                    "service.owner",
                    "service",
                    s.id,
                    s.ownerPath,
                    "from account " + previous + " to " + owner.username);
            em.flush();
            return toService(em, s);
        }));
        publishService(moved);
        return moved;
    }

    @Override
    public MediaService setSuspended(Caller caller, long id, boolean suspended) {
        MediaService result = writeRetrying(em -> {
            MediaServiceEntity s = visible(em, caller, id);
            requireNotDeleting(s);
            if (!manages(caller, s)) {
                throw CastPanelException.forbidden("only administrators and resellers suspend services");
            }
            if (s.suspended == suspended) {
                return toService(em, s);
            }
            s.suspended = suspended;
            if (suspended) {
                s.desiredState = "STOPPED";
                queue.enqueue(s.id, ActionType.STOP, caller, "suspended");
                stopSources(em, caller, s);
            }
            s.updatedAt = revised(s);
            audit.record(
                    caller, suspended ? "service.suspend" : "service.unsuspend", "service", s.id, s.ownerPath, null);
            return toService(em, s);
        });
        publishService(result);
        return result;
    }

    @Override
    public ServiceAction enqueue(Caller caller, long id, ActionType action, boolean confirmed) {
        return writeRetrying(em -> enqueue(em, caller, id, action, confirmed));
    }

    @Override
    public List<ServiceAction> enqueueAll(Caller caller, List<Long> ids, ActionType action, boolean confirmed) {
        if (ids == null || ids.isEmpty()) {
            throw CastPanelException.invalid("serviceIds", "serviceIds must name at least one service");
        }
        if (ids.size() > 500) {
            throw CastPanelException.invalid("serviceIds", "at most 500 services per request");
        }
        List<Long> distinct = ids.stream().distinct().toList();
        return writeRetrying(em -> {
            List<ServiceAction> all = new ArrayList<>();
            for (long id : distinct) {
                all.add(enqueue(em, caller, id, action, confirmed));
            }
            return all;
        });
    }

    /** Checks and records the intent on the service row; the queue audits and announces the action. */
    private ServiceAction enqueue(EntityManager em, Caller caller, long id, ActionType action, boolean confirmed) {
        MediaServiceEntity s = visible(em, caller, id);
        requireNotDeleting(s);
        if (s.suspended
                && (action == ActionType.START || action == ActionType.RESTART || action == ActionType.RELOAD)) {
            throw CastPanelException.conflict("service " + s.id + " is suspended; it cannot be started");
        }
        switch (action) {
            case START, RESTART -> {
                if (s.attachedTo != null) {
                    MediaServiceEntity server = em.find(MediaServiceEntity.class, s.attachedTo);
                    if (server == null || !"RUNNING".equals(server.desiredState) || server.suspended) {
                        throw CastPanelException.conflict("service " + s.id + " feeds service " + s.attachedTo
                                + ", which is not running; start that server service first");
                    }
                }
                s.desiredState = "RUNNING";
            }
            case STOP -> {
                s.desiredState = "STOPPED";
                stopSources(em, caller, s);
            }
            case DELETE -> {
                List<MediaServiceEntity> sources = sourcesOf(em, s.id);
                if (!sources.isEmpty()) {
                    throw CastPanelException.conflict("service " + s.id + " is fed by source service(s) "
                            + sources.stream()
                                    .map(x -> String.valueOf(x.id))
                                    .collect(java.util.stream.Collectors.joining(", "))
                            + "; delete them first");
                }
                Optional<EngineInfo> engine = engines.get(s.engineType);
                // the plugin says whether its services hold the customer's media (recordings, VOD);
                // a type whose plugin is gone is treated as if it did
                boolean deletesMedia = engine.map(
                                e -> !e.available() || e.type().capabilities().contains(Capabilities.DELETES_MEDIA))
                        .orElse(true);
                if (deletesMedia && !confirmed) {
                    throw CastPanelException.invalid(
                            "confirm",
                            "deleting this service deletes its media files "
                                    + "(recordings, videos) permanently; repeat with confirm=true");
                }
                s.deleting = true;
                s.desiredState = "STOPPED";
            }
            default -> {}
        }
        s.updatedAt = revised(s);
        return queue.enqueue(s.id, action, caller, null);
    }

    /** An action and its owner's path, so it is published only after the transaction committed. */
    private record Queued(ServiceAction action, String ownerPath) {
        ServiceAction publish(PanelEvents events) {
            events.publish(new PanelEvents.Event("action", ownerPath, action));
            return action;
        }
    }

    /**
     * A new updatedAt, always later than the previous one: the provisioning side makes the engine's
     * handler again when it changes, so two changes in one millisecond must still differ.
     */
    static long revised(MediaServiceEntity s) {
        return Math.max(System.currentTimeMillis(), s.updatedAt + 1);
    }

    private static void requireNotDeleting(MediaServiceEntity s) {
        if (s.deleting) {
            throw CastPanelException.conflict("service " + s.id + " is being deleted");
        }
    }

    @Override
    public ServiceAction action(Caller caller, long actionId) {
        QueuedAction a = queue.find(actionId).orElseThrow(() -> CastPanelException.notFound("action", actionId));
        if (!caller.covers(a.ownerPath()) && !store.read(em -> ownsService(em, caller, a.serviceId()))) {
            throw CastPanelException.notFound("action", actionId);
        }
        return a.action();
    }

    private static boolean ownsService(EntityManager em, Caller caller, long serviceId) {
        MediaServiceEntity s = em.find(MediaServiceEntity.class, serviceId);
        return s != null && s.ownerId == caller.accountId();
    }

    @Override
    public Page<ServiceAction> actions(Caller caller, long serviceId, int page, int size) {
        int pageSize = Paging.size(size);
        int pageNo = Paging.page(page);
        store.read(em -> visible(em, caller, serviceId));
        return queue.ofService(serviceId, pageNo, pageSize);
    }

    @Override
    public List<ServiceEvent> events(Caller caller, long serviceId, int limit) {
        return store.read(em -> {
            visible(em, caller, serviceId);
            return em
                    .createQuery(
                            "SELECT e FROM ServiceEventEntity e WHERE e.serviceId = :id ORDER BY e.id DESC",
                            ServiceEventEntity.class)
                    .setParameter("id", serviceId)
                    .setMaxResults(Paging.size(limit))
                    .getResultList()
                    .stream()
                    .map(e -> new ServiceEvent(e.id, e.serviceId, Instant.ofEpochMilli(e.at), e.message))
                    .toList();
        });
    }

    /**
     * A write that re-reads and tries again when the row changed underneath it (the queue records
     * state changes concurrently); the caller's intent is applied to the fresh row.
     */
    private <T> T writeRetrying(java.util.function.Function<EntityManager, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.write(work);
            } catch (javax.persistence.RollbackException | javax.persistence.OptimisticLockException e) {
                boolean conflict = e instanceof javax.persistence.OptimisticLockException
                        || e.getCause() instanceof javax.persistence.OptimisticLockException;
                if (!conflict || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    // ---- mapping ----

    private void publishService(MediaService service) {
        events.publish(new PanelEvents.Event("service", pathOf(service), service));
    }

    MediaService toService(EntityManager em, MediaServiceEntity s) {
        AccountEntity owner = em.find(AccountEntity.class, s.ownerId);
        Optional<EngineInfo> engine = engines.get(s.engineType);
        List<ConfigField> fields = engine.map(e -> e.type().serviceConfig()).orElse(List.of());
        boolean available = engine.map(EngineInfo::available).orElse(false);
        ServiceState state = available ? ServiceState.valueOf(s.state) : ServiceState.ENGINE_UNAVAILABLE;
        String detail = available ? s.stateDetail : "the " + s.engineType + " engine plugin is not installed";
        EngineServerEntity server =
                available && s.engineServerId != null ? em.find(EngineServerEntity.class, s.engineServerId) : null;
        if (server != null && EngineServer.State.UNHEALTHY.name().equals(server.healthState)) {
            state = ServiceState.SERVER_UNREACHABLE;
            detail = "its engine server " + server.name + " cannot be reached or used: " + server.healthDetail;
        }
        return new MediaService(
                s.id,
                s.ownerId,
                owner == null ? null : owner.username,
                s.engineType,
                s.node,
                s.name,
                state,
                detail,
                "RUNNING".equals(s.desiredState),
                s.suspended,
                s.deleting,
                s.maxListeners,
                s.maxBitrateKbps,
                s.diskQuotaMb,
                s.dataTransferGb,
                s.mountPoints,
                available ? EngineConfig.shown(fields, s.settings()) : Map.of(),
                s.attachedTo,
                Instant.ofEpochMilli(s.createdAt),
                Instant.ofEpochMilli(s.updatedAt));
    }
}
