/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.provisioning.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.castpanel.core.api.AuditService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.PanelEvents;
import org.castpanel.engine.api.ConfigField;
import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.EngineType;
import org.castpanel.engine.api.MediaKind;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.SourceEndpoint;
import org.castpanel.persistence.EngineTypeEntity;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.Store;
import org.castpanel.services.api.EngineCatalog;
import org.castpanel.services.api.EngineInfo;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine plugins present right now, found in the service registry as they come and go, and
 * the handlers made from them. When a plugin leaves, its handlers are disposed and its services
 * show as "engine unavailable"; nothing is deleted and running processes are left alone. When it
 * comes back, handlers are made again on first use.
 */
@Component(
        service = {EngineCatalog.class, EngineRegistry.class},
        configurationPid = ProvisioningConfig.PID)
public class EngineRegistry implements EngineCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRegistry.class);
    /** The time limit of quick calls into plugin code ({@code pluginCallSeconds}). */
    private volatile Duration pluginCall;

    /** A plugin's type as registered: the factory that offers it and the plugin's version. */
    record Offered(EngineFactory factory, EngineType type, String version) {}

    /** A handler made for one revision of a service's settings (its updatedAt). */
    private record CachedHandler(EngineFactory factory, long revision, EngineHandler handler) {}

    private final Store store;
    private final PanelEvents events;
    private final AuditService audit;
    private final PluginCalls calls = new PluginCalls("castpanel-plugin-call");
    private final Map<String, Offered> offered = new ConcurrentHashMap<>();
    private final Map<Long, CachedHandler> handlers = new ConcurrentHashMap<>();
    /**
     * Handlers of one service are made one at a time: two callers seeing the same new revision
     * would otherwise both make one, and the plugin (which may index its handlers by service) would
     * be left holding the one the registry disposed.
     */
    private final Object[] making =
            java.util.stream.Stream.generate(Object::new).limit(64).toArray();
    /** "<type>_<language>" → the plugin's translations (empty when it ships none); cleared with the plugin. */
    private final Map<String, java.util.Properties> translations = new ConcurrentHashMap<>();

    @org.osgi.service.component.annotations.Modified
    void modified(ProvisioningConfig config) {
        this.pluginCall = Duration.ofSeconds(config.pluginCallSeconds());
    }

    @Activate
    public EngineRegistry(
            final @Reference Store store,
            final @Reference PanelEvents events,
            final @Reference AuditService audit,
            final ProvisioningConfig config) {
        this.store = store;
        this.pluginCall = Duration.ofSeconds(config.pluginCallSeconds());
        this.events = events;
        this.audit = audit;
    }

    @Deactivate
    void deactivate() {
        handlers.values().forEach(h -> disposeQuietly(h.handler()));
        handlers.clear();
        calls.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addFactory(EngineFactory factory, ServiceReference<EngineFactory> reference) {
        List<EngineType> types;
        try {
            types = calls.call("engineTypes() of " + factory.getClass().getName(), pluginCall, factory::engineTypes);
        } catch (PluginCalls.PluginFailure e) {
            LOG.error("Ignoring engine plugin {}: {}", reference.getBundle().getSymbolicName(), e.getMessage());
            return;
        }
        String version;
        try {
            String declared = calls.call("version()", pluginCall, factory::version);
            version = declared != null
                    ? declared
                    : reference.getBundle().getVersion().toString();
        } catch (PluginCalls.PluginFailure e) {
            version = reference.getBundle().getVersion().toString();
        }
        for (EngineType type : types) {
            Offered previous = offered.putIfAbsent(type.id(), new Offered(factory, type, version));
            if (previous != null && previous.factory() != factory) {
                LOG.warn("Engine type {} is offered twice; keeping the plugin that came first", type.id());
                continue;
            }
            LOG.info("Engine type {} ({} {}) is available", type.id(), type.label(), version);
            events.publish(new PanelEvents.Event("engine", null, Map.of("type", type.id(), "available", true)));
        }
    }

    synchronized void removeFactory(EngineFactory factory) {
        translations.clear(); // an upgraded plugin may bring other texts
        offered.values().removeIf(o -> {
            if (o.factory() == factory) {
                LOG.info("Engine type {} is no longer available", o.type().id());
                events.publish(new PanelEvents.Event(
                        "engine", null, Map.of("type", o.type().id(), "available", false)));
                return true;
            }
            return false;
        });
        handlers.entrySet().removeIf(entry -> {
            if (entry.getValue().factory() == factory) {
                disposeQuietly(entry.getValue().handler());
                return true;
            }
            return false;
        });
    }

    Optional<Offered> offered(String typeId) {
        return Optional.ofNullable(offered.get(typeId));
    }

    /**
     * The handler of a service, made on first use and again whenever the service's settings
     * changed (its mounts included), so every action runs with the settings as stored; empty while
     * its engine is not installed.
     */
    Optional<EngineHandler> handler(ServiceRuntime runtime, MediaServiceEntity service)
            throws PluginCalls.PluginFailure {
        Offered engine = offered.get(service.engineType);
        if (engine == null) {
            return Optional.empty();
        }
        MediaServiceEntity server = service.attachedTo == null
                ? null
                : store.read(em -> em.find(MediaServiceEntity.class, service.attachedTo));
        // a source's handler is made again when its server's settings change too (its mount, say)
        long revision = server == null ? service.updatedAt : Math.max(service.updatedAt, server.updatedAt);
        Optional<EngineHandler> current = current(service.id, engine, revision);
        if (current.isPresent()) {
            return current;
        }
        synchronized (making[Math.floorMod(service.id, making.length)]) {
            current = current(service.id, engine, revision);
            return current.isPresent() ? current : Optional.of(make(runtime, engine, service, server, revision));
        }
    }

    /** The cached handler when it was made from this revision or a newer one. */
    private Optional<EngineHandler> current(long serviceId, Offered engine, long revision) {
        CachedHandler cached = handlers.get(serviceId);
        // a caller holding an older copy of the row (the collector's list) keeps using the newer handler
        return cached != null && cached.factory() == engine.factory() && cached.revision() >= revision
                ? Optional.of(cached.handler())
                : Optional.empty();
    }

    private EngineHandler make(
            ServiceRuntime runtime,
            Offered engine,
            MediaServiceEntity service,
            MediaServiceEntity server,
            long revision)
            throws PluginCalls.PluginFailure {
        ServiceContext context = runtime.context(service);
        if (service.attachedTo != null) {
            context = context.withSource(sourceEndpoint(runtime, engine.type(), service, server));
        }
        ServiceContext made = context;
        EngineCallback callback = runtime.callback(service.id);
        EngineHandler handler =
                calls.call("createHandler()", pluginCall, () -> engine.factory().createHandler(made, callback));
        if (handler == null) {
            throw new PluginCalls.PluginFailure("the engine plugin made no handler", false, null);
        }
        CachedHandler replaced = handlers.put(service.id, new CachedHandler(engine.factory(), revision, handler));
        if (replaced != null) {
            disposeQuietly(replaced.handler());
        }
        return handler;
    }

    /**
     * Where a source service feeds its server, as the server's own handler answers: the platform
     * passes it on, so neither plugin reads the other's files.
     */
    private SourceEndpoint sourceEndpoint(
            ServiceRuntime runtime, EngineType sourceType, MediaServiceEntity source, MediaServiceEntity server)
            throws PluginCalls.PluginFailure {
        if (server == null || server.deleting) {
            throw new PluginCalls.PluginFailure(
                    "the server service " + source.attachedTo + " it feeds is gone", false, null);
        }
        Offered serverEngine = offered.get(server.engineType);
        if (serverEngine == null) {
            throw new PluginCalls.PluginFailure(
                    "the " + server.engineType + " engine of the server service " + server.id + " is not installed",
                    true,
                    null);
        }
        String protocol = serverEngine.type().protocolFor(sourceType);
        if (protocol == null) {
            throw new PluginCalls.PluginFailure(
                    "the server service " + server.id + " no longer accepts a " + sourceType.label() + " source",
                    false,
                    null);
        }
        return call(runtime, server, "sourceEndpoint", pluginCall, h -> h.sourceEndpoint(protocol))
                .orElseThrow(
                        () -> new PluginCalls.PluginFailure("the server service gave no source endpoint", true, null));
    }

    /**
     * Calls one operation of a service's handler within {@code timeout}; empty while the service's
     * engine is not installed. The reconciler, the collector and the statistics service use it.
     */
    <T> Optional<T> call(
            ServiceRuntime runtime,
            MediaServiceEntity service,
            String what,
            Duration timeout,
            java.util.function.Function<EngineHandler, java.util.concurrent.CompletionStage<T>> operation)
            throws PluginCalls.PluginFailure {
        Optional<EngineHandler> handler = handler(runtime, service);
        if (handler.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(calls.stage(what, timeout, () -> operation.apply(handler.get())));
    }

    /** The service is gone: its handler is disposed. */
    void forget(long serviceId) {
        CachedHandler cached = handlers.remove(serviceId);
        if (cached != null) {
            disposeQuietly(cached.handler());
        }
    }

    private void disposeQuietly(EngineHandler handler) {
        try {
            calls.call("dispose()", pluginCall, () -> {
                handler.dispose();
                return null;
            });
        } catch (PluginCalls.PluginFailure e) {
            LOG.warn("An engine handler failed to dispose: {}", e.getMessage());
        }
    }

    PluginCalls calls() {
        return calls;
    }

    // ---- EngineCatalog ----

    @Override
    public List<EngineInfo> list() {
        return store.read(em -> {
            Map<String, Boolean> enabled = new HashMap<>();
            for (EngineTypeEntity row : em.createQuery("SELECT e FROM EngineTypeEntity e", EngineTypeEntity.class)
                    .getResultList()) {
                enabled.put(row.id, row.enabled);
            }
            Map<String, Long> counts = new HashMap<>();
            for (Object[] row : em.createQuery(
                            "SELECT s.engineType, COUNT(s) FROM MediaServiceEntity s " + "GROUP BY s.engineType",
                            Object[].class)
                    .getResultList()) {
                counts.put((String) row[0], (Long) row[1]);
            }
            List<EngineInfo> result = new ArrayList<>();
            for (Offered o : offered.values()) {
                result.add(new EngineInfo(
                        o.type(),
                        o.version(),
                        enabled.getOrDefault(o.type().id(), true),
                        true,
                        counts.getOrDefault(o.type().id(), 0L),
                        problem(o.factory())));
            }
            for (Map.Entry<String, Long> used : counts.entrySet()) {
                if (!offered.containsKey(used.getKey())) {
                    result.add(unavailable(used.getKey(), enabled.getOrDefault(used.getKey(), true), used.getValue()));
                }
            }
            result.sort(Comparator.comparing(e -> e.type().id()));
            return result;
        });
    }

    /** What the plugin says keeps it from running services; a plugin failing to say is a problem too. */
    private static String problem(EngineFactory factory) {
        try {
            return factory.problem();
        } catch (RuntimeException e) {
            return "the plugin failed to report its state: " + e.getMessage();
        }
    }

    /** A type whose plugin is gone: only its id is known. */
    private static EngineInfo unavailable(String id, boolean enabled, long services) {
        EngineType type = EngineType.server(id, id + " (plugin not installed)", MediaKind.AUDIO, Set.of(), List.of());
        return new EngineInfo(type, null, enabled, false, services, null);
    }

    /**
     * Translations a plugin ships as {@code CASTPANEL-INF/i18n/<type id>_<language>.properties}
     * (keys {@code label}, {@code <setting>.label}, {@code <setting>.description}), read with the
     * plugin's own class loader; what a file leaves out stays as the plugin wrote it.
     */
    @Override
    public EngineInfo localized(EngineInfo engine, String language) {
        Offered o = offered.get(engine.type().id());
        if (o == null || language == null || !language.matches("[a-z]{2,3}") || "en".equals(language)) {
            return engine;
        }
        java.util.Properties texts =
                translations.computeIfAbsent(o.type().id() + "_" + language, key -> load(o.factory(), key));
        if (texts.isEmpty()) {
            return engine;
        }
        EngineType t = engine.type();
        List<ConfigField> fields = t.serviceConfig().stream()
                .map(f -> new ConfigField(
                        f.name(),
                        texts.getProperty(f.name() + ".label", f.label()),
                        f.type(),
                        f.required(),
                        f.min(),
                        f.max(),
                        f.options(),
                        f.secret(),
                        f.defaultValue(),
                        texts.getProperty(f.name() + ".description", f.description()),
                        f.pattern()))
                .toList();
        EngineType translated = new EngineType(
                t.id(),
                texts.getProperty("label", t.label()),
                t.kind(),
                t.role(),
                t.capabilities(),
                fields,
                t.sourceProtocols());
        return new EngineInfo(
                translated,
                engine.pluginVersion(),
                engine.enabled(),
                engine.available(),
                engine.services(),
                engine.problem());
    }

    private static java.util.Properties load(EngineFactory factory, String name) {
        java.util.Properties texts = new java.util.Properties();
        try (java.io.InputStream in =
                factory.getClass().getClassLoader().getResourceAsStream("CASTPANEL-INF/i18n/" + name + ".properties")) {
            if (in != null) {
                texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            LOG.warn("The translations {} of an engine plugin cannot be read: {}", name, e.getMessage());
        }
        return texts;
    }

    @Override
    public Optional<EngineInfo> get(String engineTypeId) {
        return list().stream().filter(e -> e.type().id().equals(engineTypeId)).findFirst();
    }

    @Override
    public EngineInfo setEnabled(Caller caller, String engineTypeId, boolean enable) {
        if (!caller.isAdministrator()) {
            throw CastPanelException.forbidden("only administrators enable and disable engine types");
        }
        if (!offered.containsKey(engineTypeId) && get(engineTypeId).isEmpty()) {
            throw CastPanelException.notFound("engine type", engineTypeId);
        }
        store.write(em -> {
            EngineTypeEntity row = em.find(EngineTypeEntity.class, engineTypeId);
            if (row == null) {
                row = new EngineTypeEntity();
                row.id = engineTypeId;
                em.persist(row);
            }
            row.enabled = enable;
            row.updatedAt = System.currentTimeMillis();
            return null;
        });
        audit.record(caller, enable ? "engine.enable" : "engine.disable", "engine", null, engineTypeId);
        events.publish(new PanelEvents.Event("engine", null, Map.of("type", engineTypeId, "enabled", enable)));
        return get(engineTypeId).orElseThrow();
    }
}
