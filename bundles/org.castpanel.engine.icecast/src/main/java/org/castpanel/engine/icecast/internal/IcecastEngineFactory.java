/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.icecast.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.castpanel.engine.api.Capabilities;
import org.castpanel.engine.api.ConfigField;
import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.EngineType;
import org.castpanel.engine.api.MediaKind;
import org.castpanel.engine.api.MountPoint;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.SourceProtocols;
import org.castpanel.engine.api.platform.DaemonThreads;
import org.castpanel.engine.api.platform.PanelNode;
import org.castpanel.engine.api.platform.PortAllocator;
import org.castpanel.engine.api.platform.ProcessSupervisor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** The Icecast 2 engine type: one real icecast2 process per media service. */
@Component(service = EngineFactory.class, configurationPid = IcecastConfig.PID)
@Designate(ocd = IcecastConfig.class)
public class IcecastEngineFactory implements EngineFactory {

    static final String TYPE = "icecast";

    static final List<ConfigField> FIELDS = List.of(
            ConfigField.builder("mount", ConfigField.Type.TEXT)
                    .label("Mount point")
                    .length(2, 64)
                    .defaultValue("/stream")
                    .description("Where encoders send and listeners listen: / then letters, digits, . _ -, e.g. /live")
                    .pattern(MountPoint.NAME.pattern())
                    .build(),
            ConfigField.builder("fallbackMount", ConfigField.Type.TEXT)
                    .label("Fallback mount")
                    .length(2, 64)
                    .description("Where listeners go when the source drops, e.g. /autodj")
                    .pattern(MountPoint.NAME.pattern())
                    .build(),
            ConfigField.text("streamName", "Stream name", false, 100, "Shown by players and directories"),
            ConfigField.text("description", "Description", false, 200, null),
            ConfigField.text("genre", "Genre", false, 60, null),
            ConfigField.builder("url", ConfigField.Type.URL)
                    .label("Station website")
                    .maxLength(200)
                    .build(),
            ConfigField.bool("public", "List in public directories", false, null));

    private final ProcessSupervisor supervisor;
    private final PortAllocator ports;
    private final PanelNode node;
    /**
     * The handlers' own threads for HTTP calls to icecast: waiting for a start, probes, statistics.
     * Not the common fork-join pool, which has a single thread on a two-core machine.
     */
    private final ExecutorService executor = Executors.newCachedThreadPool(DaemonThreads.named("castpanel-icecast"));

    private volatile IcecastConfig config;

    @Activate
    public IcecastEngineFactory(
            final @Reference ProcessSupervisor supervisor,
            final @Reference PortAllocator ports,
            final @Reference PanelNode node,
            final IcecastConfig config) {
        this.supervisor = supervisor;
        this.ports = ports;
        this.node = node;
        this.config = config;
    }

    @Modified
    void modified(IcecastConfig config) {
        this.config = config;
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public List<EngineType> engineTypes() {
        return List.of(EngineType.server(
                TYPE,
                "Icecast 2",
                MediaKind.AUDIO,
                Set.of(Capabilities.MOUNT_POINTS, Capabilities.LISTENER_STATS, Capabilities.RELAY),
                FIELDS,
                Set.of(SourceProtocols.ICECAST)));
    }

    @Override
    public EngineHandler createHandler(ServiceContext context, EngineCallback callback) {
        return new IcecastHandler(context, callback, config, node.publicHostname(), supervisor, ports, executor);
    }
}
