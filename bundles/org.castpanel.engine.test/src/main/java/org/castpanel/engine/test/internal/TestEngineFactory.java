/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.test.internal;

import java.util.List;
import java.util.Set;

import org.castpanel.engine.api.Capabilities;
import org.castpanel.engine.api.ConfigField;
import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.EngineType;
import org.castpanel.engine.api.MediaKind;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.SourceProtocols;
import org.castpanel.engine.api.platform.EngineServers;
import org.castpanel.engine.api.platform.PortAllocator;
import org.castpanel.engine.api.platform.ProcessSupervisor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The test engine: types {@code test-audio} and {@code test-video}. Each service runs a real
 * placeholder daemon ({@code sleep}) through the platform's process supervisor on an allocated
 * port, writes a config file through the platform's escaping, and logs every state change it
 * makes to {@code operations.log} in its directory, which tests read to prove actions took effect
 * exactly once. The {@code behaviour} setting makes start fail, hang, or fail once retryably.
 */
@Component(service = EngineFactory.class)
public class TestEngineFactory implements EngineFactory {

    static final List<ConfigField> FIELDS = List.of(
            ConfigField.text("title", "Station title", false, 100, "Written into the config file, escaped"),
            ConfigField.choice(
                    "behaviour",
                    "Behaviour on start",
                    List.of("normal", "fail", "hang", "retry-once", "slow"),
                    "normal",
                    "For tests: how start behaves"),
            ConfigField.integer("delayMillis", "Delay of a slow start", 0, 60_000, 0L, "For tests"));

    private final ProcessSupervisor supervisor;
    private final PortAllocator ports;
    private final EngineServers servers;

    @Activate
    public TestEngineFactory(
            final @Reference ProcessSupervisor supervisor,
            final @Reference PortAllocator ports,
            final @Reference EngineServers servers) {
        this.supervisor = supervisor;
        this.ports = ports;
        this.servers = servers;
    }

    @Override
    public List<EngineType> engineTypes() {
        return List.of(
                EngineType.server(
                        "test-audio",
                        "Test audio engine",
                        MediaKind.AUDIO,
                        Set.of(Capabilities.LISTENER_STATS, Capabilities.MOUNT_POINTS),
                        FIELDS,
                        Set.of(SourceProtocols.ICECAST)),
                // a source: feeds a test-audio (or Icecast) service through the platform's attachment
                EngineType.source(
                        "test-autodj",
                        "Test AutoDJ",
                        MediaKind.AUDIO,
                        Set.of(Capabilities.AUTODJ),
                        FIELDS,
                        Set.of(SourceProtocols.ICECAST)),
                EngineType.server(
                        "test-video",
                        "Test video engine",
                        MediaKind.VIDEO,
                        Set.of(Capabilities.HLS, Capabilities.DELETES_MEDIA),
                        FIELDS),
                // services placed on registered remote servers (as Wowza and Flussonic are)
                EngineType.server(
                        "test-remote",
                        "Test remote engine",
                        MediaKind.VIDEO,
                        Set.of(Capabilities.REMOTE_SERVERS, Capabilities.DELETES_MEDIA),
                        FIELDS));
    }

    @Override
    public EngineHandler createHandler(ServiceContext context, EngineCallback callback) {
        return new TestEngineHandler(context, callback, supervisor, ports, servers);
    }
}
