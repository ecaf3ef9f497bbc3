/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.provisioning.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.persistence.EntityManager;

import org.castpanel.core.api.AuditService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.engine.api.Capabilities;
import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.api.platform.ConfigFiles;
import org.castpanel.engine.api.platform.EngineServer;
import org.castpanel.engine.api.platform.EngineServers;
import org.castpanel.engine.api.platform.PanelNode;
import org.castpanel.engine.api.platform.ServiceDirectories;
import org.castpanel.persistence.EngineServerEntity;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.Store;
import org.castpanel.services.api.EngineServerAdmin;
import org.castpanel.services.api.EngineServerInfo;
import org.castpanel.services.api.EngineServerInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The registry of remote media servers: administrators' side ({@link EngineServerAdmin}) and
 * plugins' side ({@link EngineServers}). Passwords are kept AES-GCM encrypted with a key of this
 * panel ({@code engines/platform/engine-server-key}, 0600), so a database dump alone does not give
 * away the media servers.
 */
@Component(service = {EngineServers.class, EngineServerAdmin.class})
public class EngineServersImpl implements EngineServers, EngineServerAdmin {

    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[?[0-9A-Fa-f:.]{2,45}\\]?");
    private static final int GCM_IV = 12;

    private final Store store;
    private final PanelNode node;
    /**
     * Dynamic and optional, unlike the rest: remote engine plugins need {@link EngineServers}, and
     * the registry gets those plugins' factories, so a static reference here closed a service
     * cycle and, depending on the start order, a plugin never registered. SCR binds it once both
     * are up.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EngineRegistry engines;

    private final AuditService audit;
    private final SecretKeySpec key;

    @Activate
    public EngineServersImpl(
            final @Reference Store store,
            final @Reference PanelNode node,
            final @Reference AuditService audit,
            final @Reference ServiceDirectories directories) {
        this.store = store;
        this.node = node;
        this.audit = audit;
        try {
            this.key = new SecretKeySpec(
                    ConfigFiles.secret(directories.engineDirectory("platform").resolve("engine-server-key"), 32),
                    "AES");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- plugins ----

    @Override
    public List<EngineServer> servers(String engineType) {
        return store
                .read(em -> em.createQuery(
                                "SELECT e FROM EngineServerEntity e WHERE e.engineType = :type "
                                        + "AND e.node = :node ORDER BY e.id",
                                EngineServerEntity.class)
                        .setParameter("type", engineType)
                        .setParameter("node", node.name())
                        .getResultList())
                .stream()
                .map(this::toServer)
                .toList();
    }

    @Override
    public Optional<EngineServer> server(long id) {
        return Optional.ofNullable(store.read(em -> em.find(EngineServerEntity.class, id)))
                .map(this::toServer);
    }

    @Override
    public Optional<EngineServer> placement(long serviceId) {
        return Optional.ofNullable(store.read(em -> em.find(MediaServiceEntity.class, serviceId)))
                .map(s -> s.engineServerId)
                .flatMap(this::server);
    }

    @Override
    public void reportHealth(long serverId, EngineServer.State state, String detail) {
        store.write(em -> em.createQuery("UPDATE EngineServerEntity e SET e.healthState = :state, "
                        + "e.healthDetail = :detail, e.checkedAt = :at WHERE e.id = :id")
                .setParameter("state", state.name())
                .setParameter("detail", detail == null ? null : ServiceRuntime.truncate(detail))
                .setParameter("at", System.currentTimeMillis())
                .setParameter("id", serverId)
                .executeUpdate());
    }

    // ---- administrators ----

    @Override
    public List<EngineServerInfo> list(Caller caller) {
        requireAdministrator(caller);
        return store.read(em -> {
            Map<Long, Long> counts = serviceCounts(em);
            return em
                    .createQuery(
                            "SELECT e FROM EngineServerEntity e ORDER BY e.engineType, e.name",
                            EngineServerEntity.class)
                    .getResultList()
                    .stream()
                    .map(e -> toInfo(e, counts.getOrDefault(e.id, 0L)))
                    .toList();
        });
    }

    @Override
    public EngineServerInfo get(Caller caller, long id) {
        requireAdministrator(caller);
        return store.read(em -> toInfo(found(em, id), serviceCounts(em).getOrDefault(id, 0L)));
    }

    @Override
    public EngineServerInfo create(Caller caller, EngineServerInput input) {
        requireAdministrator(caller);
        String type = remoteType(input.engineType());
        return store.write(em -> {
            EngineServerEntity e = new EngineServerEntity();
            e.id = store.nextId("cp_engine_server");
            e.engineType = type;
            e.node = node.name();
            e.name = name(em, input.name(), null);
            e.url = url(input.url());
            e.username = optionalText("username", input.username(), 200);
            e.passwordEncrypted = input.password() == null || input.password().isEmpty()
                    ? null
                    : encrypt(optionalText("password", input.password(), 500));
            e.publicHost =
                    publicHost(input.publicHost() == null ? URI.create(e.url).getHost() : input.publicHost());
            e.enabled = input.enabled() == null || input.enabled();
            e.healthState = EngineServer.State.UNKNOWN.name();
            e.createdAt = System.currentTimeMillis();
            em.persist(e);
            audit.record(
                    caller, "engine-server.create", "engine-server", e.id, null, type + " '" + e.name + "' " + e.url);
            return toInfo(e, 0);
        });
    }

    @Override
    public EngineServerInfo update(Caller caller, long id, EngineServerInput changes) {
        requireAdministrator(caller);
        return store.write(em -> {
            EngineServerEntity e = found(em, id);
            if (changes.engineType() != null && !changes.engineType().equals(e.engineType)) {
                throw CastPanelException.invalid(
                        "engineType", "a server's engine type cannot change; add another server");
            }
            if (changes.name() != null) {
                e.name = name(em, changes.name(), e.id);
            }
            if (changes.url() != null) {
                e.url = url(changes.url());
            }
            if (changes.username() != null) {
                e.username = optionalText("username", changes.username(), 200);
            }
            if (changes.password() != null) {
                e.passwordEncrypted = changes.password().isEmpty()
                        ? null
                        : encrypt(optionalText("password", changes.password(), 500));
            }
            if (changes.publicHost() != null) {
                e.publicHost = publicHost(changes.publicHost());
            }
            if (changes.enabled() != null) {
                e.enabled = changes.enabled();
            }
            audit.record(
                    caller, "engine-server.update", "engine-server", e.id, null, e.engineType + " '" + e.name + "'");
            em.flush();
            return toInfo(e, serviceCounts(em).getOrDefault(e.id, 0L));
        });
    }

    @Override
    public void delete(Caller caller, long id) {
        requireAdministrator(caller);
        store.write(em -> {
            EngineServerEntity e = found(em, id);
            long placed = serviceCounts(em).getOrDefault(id, 0L);
            if (placed > 0) {
                throw CastPanelException.conflict(
                        "server " + e.name + " still has " + placed + " service(s); delete or move them first");
            }
            em.remove(e);
            audit.record(caller, "engine-server.delete", "engine-server", id, null, e.engineType + " '" + e.name + "'");
            return null;
        });
    }

    /** How long an administrator's "test connection" waits for the plugin. */
    private static final long CHECK_SECONDS = 15;

    @Override
    public EngineServerInfo check(Caller caller, long id) {
        requireAdministrator(caller);
        EngineServer server = server(id).orElseThrow(() -> CastPanelException.notFound("engine server", id));
        EngineFactory factory = registry()
                .offered(server.engineType())
                .map(EngineRegistry.Offered::factory)
                .orElseThrow(() -> CastPanelException.conflict(
                        "engineType",
                        "the " + server.engineType() + " engine plugin, which checks its servers, is not "
                                + "installed or is disabled"));
        try {
            String found = factory.checkServer(server).toCompletableFuture().get(CHECK_SECONDS, TimeUnit.SECONDS);
            reportHealth(id, EngineServer.State.HEALTHY, found == null ? "answers" : found);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof UnsupportedOperationException) {
                // a plugin built before checks existed: its servers' health stays what its own calls found
                throw CastPanelException.conflict(
                        "engineType",
                        "the " + server.engineType() + " engine plugin cannot check its servers on request");
            }
            reportHealth(id, EngineServer.State.UNHEALTHY, String.valueOf(cause.getMessage()));
        } catch (TimeoutException e) {
            reportHealth(id, EngineServer.State.UNHEALTHY, "no answer within " + CHECK_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted checking engine server " + id, e);
        }
        return get(caller, id);
    }

    @Override
    public long place(String engineType) {
        return store.read(em -> {
            Map<Long, Long> counts = serviceCounts(em);
            return em
                    .createQuery(
                            "SELECT e FROM EngineServerEntity e WHERE e.engineType = :type AND e.node = :node "
                                    + "AND e.enabled = TRUE ORDER BY e.id",
                            EngineServerEntity.class)
                    .setParameter("type", engineType)
                    .setParameter("node", node.name())
                    .getResultList()
                    .stream()
                    .min(java.util.Comparator.comparingLong(e -> counts.getOrDefault(e.id, 0L)))
                    .map(e -> e.id)
                    .orElseThrow(() -> CastPanelException.conflict(
                            "engineType",
                            "no enabled " + engineType
                                    + " server is registered for node " + node.name()
                                    + "; an administrator adds one under Engines, Servers"));
        });
    }

    /** The engine registry; until SCR bound it (only during start-up), no engine type is offered. */
    private EngineRegistry registry() {
        EngineRegistry registry = engines;
        if (registry == null) {
            throw CastPanelException.conflict("engineType", "the engines are still starting; try again in a moment");
        }
        return registry;
    }

    // ---- checks and mapping ----

    private static void requireAdministrator(Caller caller) {
        if (!caller.isAdministrator()) {
            throw CastPanelException.forbidden("only administrators manage engine servers");
        }
    }

    private static EngineServerEntity found(EntityManager em, long id) {
        EngineServerEntity e = em.find(EngineServerEntity.class, id);
        if (e == null) {
            throw CastPanelException.notFound("engine server", id);
        }
        return e;
    }

    private String remoteType(String type) {
        if (type == null || type.isBlank()) {
            throw CastPanelException.invalid("engineType", "engineType is required");
        }
        EngineRegistry.Offered offered = registry()
                .offered(type)
                .orElseThrow(() -> CastPanelException.invalid(
                        "engineType", "no installed engine offers the type '" + abbreviate(type) + "'"));
        if (!offered.type().capabilities().contains(Capabilities.REMOTE_SERVERS)) {
            throw CastPanelException.invalid(
                    "engineType",
                    type + " runs its services on this machine; only engine "
                            + "types with remote servers (Wowza, Flussonic) are registered here");
        }
        return type;
    }

    private static String name(EntityManager em, String name, Long self) {
        String value = optionalText("name", name, 100);
        if (value == null || value.isBlank()) {
            throw CastPanelException.invalid("name", "name is required");
        }
        boolean taken = em.createQuery(
                                "SELECT COUNT(e) FROM EngineServerEntity e WHERE e.name = :name " + "AND e.id <> :self",
                                Long.class)
                        .setParameter("name", value.strip())
                        .setParameter("self", self == null ? -1L : self)
                        .getSingleResult()
                > 0;
        if (taken) {
            throw CastPanelException.conflict("name", "a server named " + value.strip() + " is already registered");
        }
        return value.strip();
    }

    private static String url(String url) {
        if (url == null || url.isBlank()) {
            throw CastPanelException.invalid("url", "url is required, e.g. http://wowza1.example.net:8087");
        }
        try {
            URI uri = new URI(url.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || uri.getUserInfo() != null
                    || uri.getQuery() != null
                    || uri.getFragment() != null
                    || url.length() > 500) {
                throw new URISyntaxException(url, "not an http(s) URL with a host");
            }
            return uri.toString().replaceAll("/+$", "");
        } catch (URISyntaxException e) {
            throw CastPanelException.invalid(
                    "url",
                    "url must be an http:// or https:// address with a host and no "
                            + "credentials in it, e.g. http://wowza1.example.net:8087");
        }
    }

    private static String publicHost(String host) {
        if (host == null || !HOST.matcher(host.strip()).matches()) {
            throw CastPanelException.invalid(
                    "publicHost",
                    "publicHost must be a host name or an IP address that "
                            + "customers' encoders and players reach, e.g. live1.example.net");
        }
        return host.strip();
    }

    private static String optionalText(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw CastPanelException.invalid(field, field + " is longer than " + max + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw CastPanelException.invalid(field, field + " contains control characters");
        }
        return value;
    }

    private static String abbreviate(String s) {
        return s.length() > 64 ? s.substring(0, 61) + "…" : s;
    }

    private static Map<Long, Long> serviceCounts(EntityManager em) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "SELECT s.engineServerId, COUNT(s) FROM MediaServiceEntity s "
                                + "WHERE s.engineServerId IS NOT NULL GROUP BY s.engineServerId",
                        Object[].class)
                .getResultList()) {
            counts.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private EngineServer toServer(EngineServerEntity e) {
        return new EngineServer(
                e.id,
                e.engineType,
                e.node,
                e.name,
                URI.create(e.url),
                e.username,
                e.passwordEncrypted == null ? null : decrypt(e.passwordEncrypted),
                e.publicHost,
                e.enabled,
                new EngineServer.Health(
                        EngineServer.State.valueOf(e.healthState),
                        e.healthDetail,
                        e.checkedAt == null ? null : Instant.ofEpochMilli(e.checkedAt)));
    }

    private static EngineServerInfo toInfo(EngineServerEntity e, long services) {
        return new EngineServerInfo(
                e.id,
                e.engineType,
                e.node,
                e.name,
                e.url,
                e.username,
                e.passwordEncrypted != null,
                e.publicHost,
                e.enabled,
                e.healthState,
                e.healthDetail,
                e.checkedAt == null ? null : Instant.ofEpochMilli(e.checkedAt),
                services,
                Instant.ofEpochMilli(e.createdAt));
    }

    String encrypt(String plain) {
        try {
            byte[] iv = new byte[GCM_IV];
            new SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    String decrypt(String stored) {
        try {
            byte[] in = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, GCM_IV));
            return new String(cipher.doFinal(in, GCM_IV, in.length - GCM_IV), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "an engine server's password cannot be decrypted with this panel's key "
                            + "(engines/platform/engine-server-key); set it again",
                    e);
        }
    }
}
