/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import java.util.List;
import java.util.Set;

/**
 * What a plugin offers: an engine type id (lower case, stable: stored with every service), its
 * label, kind, role, capabilities, the descriptions of its service settings, and the source
 * protocols it deals in ({@link SourceProtocols}): for a {@link EngineRole#SERVER} the protocols it
 * accepts from sources (Icecast takes {@code icecast}), for a {@link EngineRole#SOURCE} the ones it
 * can speak (an AutoDJ speaking {@code icecast} and {@code shoutcast2}). A source service attaches
 * to a server service of the same owner whose type accepts one of its protocols.
 */
public record EngineType(
        String id,
        String label,
        MediaKind kind,
        EngineRole role,
        Set<String> capabilities,
        List<ConfigField> serviceConfig,
        Set<String> sourceProtocols) {

    public EngineType {
        if (id == null || !id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("engine type ids are lower-case identifiers: " + id);
        }
        role = role == null ? EngineRole.SERVER : role;
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
        serviceConfig = serviceConfig == null ? List.of() : List.copyOf(serviceConfig);
        sourceProtocols = sourceProtocols == null ? Set.of() : Set.copyOf(sourceProtocols);
        if (role == EngineRole.SOURCE && sourceProtocols.isEmpty()) {
            throw new IllegalArgumentException("source engine type " + id + " must name the protocols it speaks");
        }
    }

    /** A server engine type that accepts no sources of other engines. */
    public static EngineType server(
            String id, String label, MediaKind kind, Set<String> capabilities, List<ConfigField> serviceConfig) {
        return new EngineType(id, label, kind, EngineRole.SERVER, capabilities, serviceConfig, Set.of());
    }

    /** A server engine type that source services speaking one of {@code acceptedSources} can feed. */
    public static EngineType server(
            String id,
            String label,
            MediaKind kind,
            Set<String> capabilities,
            List<ConfigField> serviceConfig,
            Set<String> acceptedSources) {
        return new EngineType(id, label, kind, EngineRole.SERVER, capabilities, serviceConfig, acceptedSources);
    }

    /** A source engine type (an AutoDJ) speaking {@code protocols} to the server it feeds. */
    public static EngineType source(
            String id,
            String label,
            MediaKind kind,
            Set<String> capabilities,
            List<ConfigField> serviceConfig,
            Set<String> protocols) {
        return new EngineType(id, label, kind, EngineRole.SOURCE, capabilities, serviceConfig, protocols);
    }

    /** The protocol a source of type {@code source} uses to feed a server of this type, or null. */
    public String protocolFor(EngineType source) {
        return sourceProtocols.stream()
                .filter(source.sourceProtocols()::contains)
                .sorted()
                .findFirst()
                .orElse(null);
    }
}
