/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.shoutcast.internal;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SHOUTcast DNAS 2 engine type: one sc_serv process per media service, its mounts as stream ids. */
@Component(service = EngineFactory.class, configurationPid = ShoutcastConfig.PID)
@Designate(ocd = ShoutcastConfig.class)
public class ShoutcastEngineFactory implements EngineFactory {

    static final String TYPE = "shoutcast2";
    private static final Logger LOG = LoggerFactory.getLogger(ShoutcastEngineFactory.class);

    static final List<ConfigField> FIELDS = List.of(
            ConfigField.builder("mount", ConfigField.Type.TEXT)
                    .label("Stream path")
                    .length(2, 64)
                    .defaultValue("/stream")
                    .description("Where listeners listen to stream 1: / then letters, digits, . _ -, e.g. /live")
                    .pattern(MountPoint.NAME.pattern())
                    .build(),
            ConfigField.text("streamName", "Station name", false, 100, "What your encoder sends as the station's name"),
            ConfigField.text("genre", "Genre", false, 60, "What your encoder sends as the genre"),
            ConfigField.builder("url", ConfigField.Type.URL)
                    .label("Station website")
                    .maxLength(200)
                    .description("What your encoder sends as the station's website")
                    .build(),
            ConfigField.bool("public", "List in the SHOUTcast directory", false, null));

    private final ProcessSupervisor supervisor;
    private final PortAllocator ports;
    private final PanelNode node;
    /** The handlers' own threads for HTTP calls to sc_serv (not the common pool: one thread on two cores). */
    private final ExecutorService executor = Executors.newCachedThreadPool(DaemonThreads.named("castpanel-shoutcast"));

    private volatile ShoutcastConfig config;

    @Activate
    public ShoutcastEngineFactory(
            final @Reference ProcessSupervisor supervisor,
            final @Reference PortAllocator ports,
            final @Reference PanelNode node,
            final ShoutcastConfig config) {
        this.supervisor = supervisor;
        this.ports = ports;
        this.node = node;
        this.config = config;
        warnIfMissing(config);
    }

    @Modified
    void modified(ShoutcastConfig config) {
        this.config = config;
        warnIfMissing(config);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    private static void warnIfMissing(ShoutcastConfig config) {
        String problem = problem(config);
        if (problem != null) {
            LOG.warn("SHOUTcast engine: {}", problem);
        }
    }

    /** Why services cannot start here, or null: sc_serv is proprietary and not installed with the panel. */
    static String problem(ShoutcastConfig config) {
        Path binary = Path.of(config.binary());
        if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
            return "sc_serv is not installed at " + binary + ": download SHOUTcast DNAS 2 from shoutcast.com "
                    + "and put sc_serv there, or set 'binary' in etc/" + ShoutcastConfig.PID + ".cfg";
        }
        return null;
    }

    @Override
    public String problem() {
        return problem(config);
    }

    @Override
    public List<EngineType> engineTypes() {
        return List.of(EngineType.server(
                TYPE,
                "SHOUTcast DNAS 2",
                MediaKind.AUDIO,
                Set.of(Capabilities.MOUNT_POINTS, Capabilities.LISTENER_STATS),
                FIELDS,
                Set.of(SourceProtocols.SHOUTCAST1)));
    }

    @Override
    public EngineHandler createHandler(ServiceContext context, EngineCallback callback) {
        return new ShoutcastHandler(context, callback, config, node.publicHostname(), supervisor, ports, executor);
    }
}
