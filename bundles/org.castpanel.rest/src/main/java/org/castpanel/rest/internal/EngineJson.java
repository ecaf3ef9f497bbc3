/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.castpanel.accounts.api.PlanUsage;
import org.castpanel.services.api.ServiceState;
import org.castpanel.services.api.ServiceStatistics;

/**
 * The JSON of engines, the new-service form, statistics and listeners: the REST API's own records,
 * copied from the SPI's, so a plugin-facing record can change without changing the wire (and the
 * wire without breaking plugins). Names and fields are the API's contract in openapi.json: the
 * records keep the schema names clients generate code from.
 */
final class EngineJson {

    private EngineJson() {}

    record EngineInfo(
            EngineType type, String pluginVersion, boolean enabled, boolean available, long services, String problem) {
        static EngineInfo of(org.castpanel.services.api.EngineInfo e) {
            return new EngineInfo(
                    EngineType.of(e.type()), e.pluginVersion(), e.enabled(), e.available(), e.services(), e.problem());
        }
    }

    record EngineType(
            String id,
            String label,
            String kind,
            String role,
            Set<String> capabilities,
            List<ConfigField> serviceConfig,
            Set<String> sourceProtocols) {
        static EngineType of(org.castpanel.engine.api.EngineType t) {
            return new EngineType(
                    t.id(),
                    t.label(),
                    t.kind().name(),
                    t.role().name(),
                    new TreeSet<>(t.capabilities()),
                    t.serviceConfig().stream().map(ConfigField::of).toList(),
                    new TreeSet<>(t.sourceProtocols()));
        }
    }

    record ConfigField(
            String name,
            String label,
            String type,
            boolean required,
            Long min,
            Long max,
            List<String> options,
            boolean secret,
            Object defaultValue,
            String description,
            String pattern) {
        static ConfigField of(org.castpanel.engine.api.ConfigField f) {
            return new ConfigField(
                    f.name(),
                    f.label(),
                    f.type().name(),
                    f.required(),
                    f.min(),
                    f.max(),
                    f.options(),
                    f.secret(),
                    f.defaultValue(),
                    f.description(),
                    f.pattern());
        }
    }

    record ServiceForm(long ownerId, List<EngineInfo> engineTypes, String defaultEngineType, PlanUsage usage) {
        static ServiceForm of(
                org.castpanel.services.api.ServiceForm f, List<org.castpanel.services.api.EngineInfo> engines) {
            return new ServiceForm(
                    f.ownerId(), engines.stream().map(EngineInfo::of).toList(), f.defaultEngineType(), f.usage());
        }
    }

    record ServiceStats(
            Instant at,
            int listeners,
            int peakListeners,
            long bytesOut,
            boolean sourceConnected,
            String nowPlaying,
            Map<String, Integer> listenersPerMount,
            Integer uniqueListeners,
            Map<String, Integer> viewersByProtocol) {
        static ServiceStats of(org.castpanel.engine.api.ServiceStats s) {
            return s == null
                    ? null
                    : new ServiceStats(
                            s.at(),
                            s.listeners(),
                            s.peakListeners(),
                            s.bytesOut(),
                            s.sourceConnected(),
                            s.nowPlaying(),
                            s.listenersPerMount(),
                            s.uniqueListeners(),
                            s.viewersByProtocol());
        }
    }

    record Current(long serviceId, ServiceState state, ServiceStats sample) {
        static Current of(ServiceStatistics.Current c) {
            return new Current(c.serviceId(), c.state(), ServiceStats.of(c.sample()));
        }
    }

    record History(long serviceId, List<ServiceStats> samples, long transferBytesThisMonth) {
        static History of(ServiceStatistics.History h) {
            return new History(
                    h.serviceId(), h.samples().stream().map(ServiceStats::of).toList(), h.transferBytesThisMonth());
        }
    }

    record ListenerInfo(String address, String userAgent, long connectedSeconds, String mount) {
        static ListenerInfo of(org.castpanel.engine.api.ListenerInfo l) {
            return new ListenerInfo(l.address(), l.userAgent(), l.connectedSeconds(), l.mount());
        }
    }
}
