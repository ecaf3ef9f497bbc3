/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.platform.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;

import org.castpanel.engine.api.platform.PortAllocator;
import org.castpanel.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Ports from the configured range, remembered in cp_port. A candidate is skipped when another
 * service holds it or something on this machine already listens on it. Allocation is serialized
 * in this process; the table's primary key (node, port) keeps two panel nodes from sharing one.
 * Held ports are remembered in memory too: engines ask for their port on every poll, and this
 * node is the only one that allocates or releases its ports.
 */
@Component(service = PortAllocator.class, configurationPid = PlatformConfig.PID)
public class PortAllocatorImpl implements PortAllocator {

    private record Key(long serviceId, String purpose) {}

    private final Store store;
    private final Map<Key, Integer> held = new ConcurrentHashMap<>();
    private volatile PlatformConfig config;

    @Activate
    public PortAllocatorImpl(final @Reference Store store, final PlatformConfig config) {
        this.store = store;
        this.config = config;
    }

    @Modified
    void modified(PlatformConfig config) {
        this.config = config;
    }

    @Override
    public int port(long serviceId, String purpose) {
        return consecutive(serviceId, purpose, 1);
    }

    @Override
    public int consecutive(long serviceId, String purpose, int count) {
        if (count < 1 || count > 16) {
            throw new IllegalArgumentException("between 1 and 16 consecutive ports, not " + count);
        }
        Integer known = held.get(new Key(serviceId, purpose));
        return known != null ? known : allocate(serviceId, purpose, count);
    }

    private synchronized int allocate(long serviceId, String purpose, int count) {
        Integer stored = ports(serviceId).get(purpose);
        if (stored != null) {
            held.put(new Key(serviceId, purpose), stored);
            return stored;
        }
        int allocated = store.write(em -> {
            Set<Integer> taken = new HashSet<>();
            for (Object port : em.createNativeQuery("SELECT port FROM cp_port WHERE node = ?")
                    .setParameter(1, config.node())
                    .getResultList()) {
                taken.add(((Number) port).intValue());
            }
            for (int base = config.portRangeStart(); base + count - 1 <= config.portRangeEnd(); base++) {
                if (available(base, count, taken)) {
                    for (int i = 0; i < count; i++) {
                        em.createNativeQuery(
                                        "INSERT INTO cp_port (node, port, service_id, purpose) VALUES (?, ?, ?, ?)")
                                .setParameter(1, config.node())
                                .setParameter(2, base + i)
                                .setParameter(3, serviceId)
                                .setParameter(4, i == 0 ? purpose : purpose + "+" + i)
                                .executeUpdate();
                    }
                    return base;
                }
            }
            throw new IllegalStateException(
                    "no free port left in " + config.portRangeStart() + "-" + config.portRangeEnd());
        });
        held.put(new Key(serviceId, purpose), allocated);
        return allocated;
    }

    @Override
    public Map<String, Integer> ports(long serviceId) {
        return store.read(em -> held(em, serviceId));
    }

    private Map<String, Integer> held(EntityManager em, long serviceId) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT purpose, port FROM cp_port WHERE node = ? AND service_id = ? " + "ORDER BY port")
                .setParameter(1, config.node())
                .setParameter(2, serviceId)
                .getResultList();
        for (Object[] row : rows) {
            ports.put((String) row[0], ((Number) row[1]).intValue());
        }
        return ports;
    }

    @Override
    public synchronized void release(long serviceId) {
        held.keySet().removeIf(key -> key.serviceId() == serviceId);
        store.write(em -> em.createNativeQuery("DELETE FROM cp_port WHERE node = ? AND service_id = ?")
                .setParameter(1, config.node())
                .setParameter(2, serviceId)
                .executeUpdate());
    }

    private static boolean available(int base, int count, Set<Integer> taken) {
        for (int port = base; port < base + count; port++) {
            if (taken.contains(port) || !free(port)) {
                return false;
            }
        }
        return true;
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
