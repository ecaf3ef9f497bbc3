/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.castpanel.engine.api.platform.ConfigFiles;
import org.castpanel.engine.api.platform.EngineServer;
import org.castpanel.engine.api.platform.EngineServers;
import org.castpanel.engine.api.platform.OutboundTargets;
import org.castpanel.engine.api.platform.PanelNode;
import org.castpanel.engine.api.platform.PortAllocator;
import org.castpanel.engine.api.platform.ProcessSupervisor;
import org.castpanel.engine.api.platform.ServiceDirectories;
import org.castpanel.platform.Standalone;

/**
 * The platform services a plugin gets from the panel, for tests outside the panel: the panel's
 * own process supervisor, free ports held in memory, and directories under a temporary folder.
 */
public final class LocalPlatform implements AutoCloseable {

    private final Path root;
    private final ProcessSupervisor supervisor = Standalone.processSupervisor();
    private final Map<Long, Map<String, Integer>> ports = new ConcurrentHashMap<>();
    private final Standalone.LocalCallbacks callbacks = Standalone.callbacks("http://127.0.0.1:9");

    /**
     * A platform rooted in a fresh directory under the system temp folder, readable and traversable
     * by everyone: engines that drop to their own user (icecast2 does) must reach their files, which
     * a private test folder would not allow.
     */
    public LocalPlatform() {
        try {
            this.root = Files.createTempDirectory(
                    "castpanel-platform-",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ProcessSupervisor supervisor() {
        return supervisor;
    }

    /**
     * The callback endpoint: URLs point at a closed port (no HTTP here); a test plays the daemon
     * with {@link Standalone.LocalCallbacks#call}, which checks the secret and routes like the panel.
     */
    public Standalone.LocalCallbacks callbacks() {
        return callbacks;
    }

    private final Map<Long, EngineServer> servers = new ConcurrentHashMap<>();
    private final Map<Long, Long> placements = new ConcurrentHashMap<>();

    /**
     * Registers a remote server as an administrator would and places {@code serviceIds} on it: for
     * tests of engines with the {@code remote-servers} capability (against a simulator's URL).
     */
    public EngineServer registerServer(EngineServer server, long... serviceIds) {
        servers.put(server.id(), server);
        for (long serviceId : serviceIds) {
            placements.put(serviceId, server.id());
        }
        return server;
    }

    /** The registry of remote servers: what {@link #registerServer} put there, health as reported. */
    public EngineServers engineServers() {
        return new EngineServers() {
            @Override
            public java.util.List<EngineServer> servers(String engineType) {
                return servers.values().stream()
                        .filter(s -> s.engineType().equals(engineType))
                        .toList();
            }

            @Override
            public java.util.Optional<EngineServer> server(long id) {
                return java.util.Optional.ofNullable(servers.get(id));
            }

            @Override
            public java.util.Optional<EngineServer> placement(long serviceId) {
                return java.util.Optional.ofNullable(placements.get(serviceId)).map(servers::get);
            }

            @Override
            public void reportHealth(long serverId, EngineServer.State state, String detail) {
                servers.computeIfPresent(
                        serverId,
                        (id, s) -> new EngineServer(
                                s.id(),
                                s.engineType(),
                                s.node(),
                                s.name(),
                                s.url(),
                                s.username(),
                                s.password(),
                                s.publicHost(),
                                s.enabled(),
                                new EngineServer.Health(state, detail, java.time.Instant.now())));
            }
        };
    }

    /** The node {@code local}, reached as {@code 127.0.0.1}. */
    public PanelNode node() {
        return new PanelNode() {
            @Override
            public String name() {
                return "local";
            }

            @Override
            public String publicHostname() {
                return "127.0.0.1";
            }
        };
    }

    public PortAllocator ports() {
        return new PortAllocator() {
            @Override
            public synchronized int port(long serviceId, String purpose) {
                return ports.computeIfAbsent(serviceId, id -> new LinkedHashMap<>())
                        .computeIfAbsent(purpose, p -> freePort());
            }

            @Override
            public synchronized int consecutive(long serviceId, String purpose, int count) {
                Map<String, Integer> held = ports.computeIfAbsent(serviceId, id -> new LinkedHashMap<>());
                Integer known = held.get(purpose);
                if (known != null) {
                    return known;
                }
                int base = freePorts(count);
                held.put(purpose, base);
                for (int i = 1; i < count; i++) {
                    held.put(purpose + "+" + i, base + i);
                }
                return base;
            }

            @Override
            public Map<String, Integer> ports(long serviceId) {
                return Map.copyOf(ports.getOrDefault(serviceId, Map.of()));
            }

            @Override
            public void release(long serviceId) {
                ports.remove(serviceId);
            }
        };
    }

    public ServiceDirectories directories() {
        return new ServiceDirectories() {
            @Override
            public Path serviceDirectory(long serviceId) {
                return create(root.resolve("services/service_" + serviceId));
            }

            @Override
            public Path contentDirectory(long ownerId) {
                return create(root.resolve("content/user_" + ownerId));
            }

            @Override
            public Path engineDirectory(String engineId) {
                return create(root.resolve("engines/" + engineId));
            }

            @Override
            public void deleteServiceDirectory(long serviceId) {
                delete(root.resolve("services/service_" + serviceId));
            }
        };
    }

    /**
     * The outbound-target policy: here every host is allowed (the daemons of a contract test talk
     * to loopback); the panel's own policy refuses internal hosts.
     */
    public OutboundTargets targets() {
        return host -> {};
    }

    /** Whether the port is held by any service here. */
    public boolean holds(int port) {
        return ports.values().stream().anyMatch(m -> m.containsValue(port));
    }

    @Override
    public void close() {
        delete(root);
    }

    /** The first of {@code count} consecutive ports nothing listens on, from an ephemeral one up. */
    private static int freePorts(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = freePort();
            boolean all = base + count - 1 <= 65_535;
            for (int port = base + 1; port < base + count && all; port++) {
                try (ServerSocket socket = new ServerSocket(port)) {
                    socket.getLocalPort();
                } catch (IOException e) {
                    all = false;
                }
            }
            if (all) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports found");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path create(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try {
            ConfigFiles.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
