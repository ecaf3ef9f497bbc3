/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.liquidsoap.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.castpanel.engine.api.ConfigField;
import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.EngineType;
import org.castpanel.engine.api.MediaKind;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.SourceProtocols;
import org.castpanel.engine.api.platform.CallbackReply;
import org.castpanel.engine.api.platform.CallbackRequest;
import org.castpanel.engine.api.platform.Callbacks;
import org.castpanel.engine.api.platform.DaemonThreads;
import org.castpanel.engine.api.platform.Playout;
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

/**
 * The AutoDJ engine type: one liquidsoap per station, feeding the Icecast or SHOUTcast service it
 * is attached to. The panel chooses every track ({@link Playout}); liquidsoap asks for it, and
 * says when it went on the air, through the platform's callback endpoint.
 */
@Component(service = EngineFactory.class, configurationPid = LiquidsoapConfig.PID)
@Designate(ocd = LiquidsoapConfig.class)
public class LiquidsoapEngineFactory implements EngineFactory {

    static final String TYPE = "autodj";
    private static final Logger LOG = LoggerFactory.getLogger(LiquidsoapEngineFactory.class);

    static final List<ConfigField> FIELDS = List.of(
            ConfigField.choice(
                    "format",
                    "Encoding",
                    List.of("MP3", "AAC", "OPUS"),
                    "MP3",
                    "MP3 plays everywhere; AAC (AAC-LC) sounds better at low bitrates; Ogg/Opus best of all, on Icecast only"),
            ConfigField.integer(
                    "bitrate",
                    "Bitrate (kbit/s)",
                    32,
                    320,
                    128L,
                    "At most the plan's maximum bitrate; higher is sent at that maximum"),
            ConfigField.integer(
                    "crossfade", "Crossfade (s)", 0, 30, 2L, "Seconds the end of a track overlaps the next"),
            ConfigField.integer(
                    "repeatMinutes",
                    "Repeat protection (minutes)",
                    0,
                    1440,
                    10L,
                    "A track, an artist or an album plays again only after this long (when anything else can play)"),
            ConfigField.text("streamName", "Station name", false, 100, "What listeners' players show as the station"),
            ConfigField.text("description", "Description", false, 200, "The station's description (Icecast)"),
            ConfigField.text("genre", "Genre", false, 60, "The station's genre"),
            ConfigField.builder("url", ConfigField.Type.URL)
                    .label("Station website")
                    .maxLength(200)
                    .description("The station's website")
                    .build());

    private final ProcessSupervisor supervisor;
    private final PortAllocator ports;
    private final Callbacks callbacks;
    private final Playout playout;
    private final AutoCloseable registration;
    /** The handlers' own threads for starting, checking and waiting on liquidsoap. */
    private final ExecutorService executor = Executors.newCachedThreadPool(DaemonThreads.named("castpanel-autodj"));

    private volatile LiquidsoapConfig config;

    @Activate
    public LiquidsoapEngineFactory(
            final @Reference ProcessSupervisor supervisor,
            final @Reference PortAllocator ports,
            final @Reference Callbacks callbacks,
            final @Reference Playout playout,
            final LiquidsoapConfig config) {
        this.supervisor = supervisor;
        this.ports = ports;
        this.callbacks = callbacks;
        this.playout = playout;
        this.config = config;
        this.registration = callbacks.register(TYPE, this::answer);
        String problem = problem();
        if (problem != null) {
            LOG.warn("AutoDJ engine: {}", problem);
        }
    }

    @Modified
    void modified(LiquidsoapConfig config) {
        this.config = config;
    }

    @Deactivate
    void deactivate() throws Exception {
        registration.close();
        executor.shutdownNow();
    }

    @Override
    public String problem() {
        java.nio.file.Path binary = java.nio.file.Path.of(config.binary());
        return java.nio.file.Files.isExecutable(binary)
                ? null
                : "liquidsoap is not installed at " + binary + ": apt-get install liquidsoap, or set 'binary' in etc/"
                        + LiquidsoapConfig.PID + ".cfg";
    }

    @Override
    public List<EngineType> engineTypes() {
        return List.of(EngineType.source(
                TYPE,
                "AutoDJ (Liquidsoap)",
                MediaKind.AUDIO,
                Set.of(),
                FIELDS,
                Set.of(SourceProtocols.ICECAST, SourceProtocols.SHOUTCAST1)));
    }

    @Override
    public EngineHandler createHandler(ServiceContext context, EngineCallback callback) {
        return new LiquidsoapHandler(context, config, supervisor, ports, callbacks, playout, executor);
    }

    /**
     * The station's questions: {@code next} (the panel's next track as an annotate: request, or
     * 404 when there is none, so the fallback playlist plays), {@code on-air} (that track started),
     * {@code dj} (live DJs: refused until DJ accounts exist).
     */
    CallbackReply answer(CallbackRequest request) {
        long serviceId = request.serviceId();
        if (serviceId < 0) {
            return CallbackReply.notFound();
        }
        return switch (request.event()) {
            case "next" ->
                playout.next(serviceId)
                        .map(t -> CallbackReply.text(annotate(t, config.targetLufs())))
                        .orElse(CallbackReply.notFound());
            case "on-air" -> {
                String play = request.parameter("play");
                if (play == null || !play.matches("[0-9]{1,18}")) {
                    yield CallbackReply.notFound();
                }
                playout.onAir(serviceId, Long.parseLong(play));
                yield CallbackReply.ok();
            }
            case "dj" -> CallbackReply.forbidden();
            default -> CallbackReply.notFound();
        };
    }

    /** A track as liquidsoap's request: its tags, the gain to the target loudness, its crossfade and play id. */
    static String annotate(Playout.Track t, double targetLufs) {
        Map<String, String> metadata = new TreeMap<>();
        Optional.ofNullable(t.title()).ifPresent(v -> metadata.put("title", v));
        Optional.ofNullable(t.artist()).ifPresent(v -> metadata.put("artist", v));
        Optional.ofNullable(t.album()).ifPresent(v -> metadata.put("album", v));
        if (t.loudnessLufs() != null) {
            double gain = Math.max(-12, Math.min(12, targetLufs - t.loudnessLufs()));
            metadata.put("liq_amplify", String.format(Locale.ROOT, "%.2f dB", gain));
        }
        if (t.crossfadeSeconds() != null) {
            metadata.put("liq_cross_duration", String.format(Locale.ROOT, "%.2f", t.crossfadeSeconds()));
        }
        if (t.id() > 0) {
            metadata.put("castpanel_play", Long.toString(t.id()));
        }
        return Annotate.request(metadata, t.file());
    }
}
