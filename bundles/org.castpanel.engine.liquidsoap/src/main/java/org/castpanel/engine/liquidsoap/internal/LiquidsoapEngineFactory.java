/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.liquidsoap.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.castpanel.engine.api.Capabilities;
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
import org.castpanel.engine.api.platform.LiveRecordings;
import org.castpanel.engine.api.platform.LiveSources;
import org.castpanel.engine.api.platform.PanelNode;
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
 * says when it went on the air, through the platform's callback endpoint. Live DJs connect to the
 * station's harbor; the panel ({@link LiveSources}) says who may, and every few seconds whether the
 * one on the air may stay (a slot that ended, a DJ disabled or deleted): if not, it is cut off here.
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
            ConfigField.integer(
                    "repeatPlays",
                    "Repeat protection (tracks)",
                    0,
                    500,
                    0L,
                    "And only after this many other tracks (0: the minutes alone decide)"),
            ConfigField.bool(
                    "requests",
                    "Song requests",
                    false,
                    "Listeners may request songs of the rotation playlists (public request API, held to repeat protection)"),
            ConfigField.integer(
                    "requestMinutes",
                    "Requests per listener: one every (minutes)",
                    1,
                    1440,
                    5L,
                    "How often one listener (one address) may request a song"),
            ConfigField.integer(
                    "requestDelayMinutes",
                    "Request delay (minutes)",
                    0,
                    1440,
                    0L,
                    "A request plays no sooner than this after it was made"),
            ConfigField.bool(
                    "recordLive",
                    "Record live shows",
                    false,
                    "Each live DJ's show is saved into the media library (folder live-recordings), within the disk quota"),
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
    private final LiveSources liveSources;
    private final LiveRecordings liveRecordings;
    private final PanelNode node;
    private final AutoCloseable registration;
    /** The stations with a live source on the air, which the check below holds to their DJ's rights. */
    private final Set<Long> live = ConcurrentHashMap.newKeySet();

    private final Map<Long, LiquidsoapHandler> handlers = new ConcurrentHashMap<>();
    /** Per station, outliving its handlers: provisions of one station run one at a time. */
    private final Map<Long, Object> provisionLocks = new ConcurrentHashMap<>();

    private final ScheduledExecutorService liveCheck =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("castpanel-autodj-live"));
    /** The handlers' own threads for starting, checking and waiting on liquidsoap. */
    private final ExecutorService executor = Executors.newCachedThreadPool(DaemonThreads.named("castpanel-autodj"));

    private volatile LiquidsoapConfig config;

    @Activate
    public LiquidsoapEngineFactory(
            final @Reference ProcessSupervisor supervisor,
            final @Reference PortAllocator ports,
            final @Reference Callbacks callbacks,
            final @Reference Playout playout,
            final @Reference LiveSources liveSources,
            final @Reference LiveRecordings liveRecordings,
            final @Reference PanelNode node,
            final LiquidsoapConfig config) {
        this.supervisor = supervisor;
        this.ports = ports;
        this.callbacks = callbacks;
        this.playout = playout;
        this.liveSources = liveSources;
        this.liveRecordings = liveRecordings;
        this.node = node;
        this.config = config;
        this.registration = callbacks.register(TYPE, this::answer);
        liveCheck.scheduleWithFixedDelay(this::holdLiveToRights, 5, 5, TimeUnit.SECONDS);
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
        liveCheck.shutdownNow();
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
                Set.of(Capabilities.SKIP_TRACK),
                FIELDS,
                Set.of(SourceProtocols.ICECAST, SourceProtocols.SHOUTCAST1)));
    }

    @Override
    public EngineHandler createHandler(ServiceContext context, EngineCallback callback) {
        LiquidsoapHandler handler =
                new LiquidsoapHandler(context, callback, this, config, supervisor, ports, callbacks, playout, executor);
        handlers.put(context.serviceId(), handler);
        return handler;
    }

    Object provisionLock(long serviceId) {
        return provisionLocks.computeIfAbsent(serviceId, id -> new Object());
    }

    void forget(LiquidsoapHandler handler) {
        handlers.remove(handler.serviceId(), handler);
    }

    String publicHostname() {
        return node.publicHostname();
    }

    /** A DJ on the air whose slot ended, or who was disabled or deleted, is cut off. */
    private void holdLiveToRights() {
        live.forEach(serviceId -> {
            LiquidsoapHandler handler = handlers.get(serviceId); // settings changes make new handlers
            try {
                if (handler != null && !liveSources.mayStay(serviceId) && handler.kickLive()) {
                    handler.event("the live DJ was disconnected: outside their slot, disabled or deleted");
                }
            } catch (RuntimeException e) {
                LOG.warn("AutoDJ live check of service {} failed: {}", serviceId, e.toString());
            }
        });
    }

    /**
     * The station's questions: {@code next} (the panel's next track as an annotate: request, or
     * 404 when there is none, so the fallback playlist plays), {@code on-air} (that track started),
     * {@code dj} (may this encoder broadcast: 200 {@code ok} or {@code pre-empt}, else 403),
     * {@code live-on} (a live source is on, with the encoder's Authorization header),
     * {@code live-off} and {@code recorded} (a live show's file is complete).
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
            case "dj" ->
                switch (liveSources.authorize(
                        serviceId,
                        request.parameter("user"),
                        request.parameter("password"),
                        request.parameter("address"))) {
                    case ALLOWED -> CallbackReply.text("ok");
                    case PRE_EMPT -> CallbackReply.text("pre-empt");
                    case REFUSED -> CallbackReply.forbidden();
                };
            case "live-on" -> {
                // Icecast harbor: the encoder's Authorization header; ICY harbor: the credentials it was let in with
                String[] credentials = request.parameter("user") != null
                        ? new String[] {
                            request.parameter("user"),
                            request.parameter("password") == null ? "" : request.parameter("password")
                        }
                        : basic(request.parameter("authorization"));
                liveSources.connected(serviceId, credentials[0], credentials[1]);
                live.add(serviceId);
                LiquidsoapHandler handler = handlers.get(serviceId);
                if (handler != null) {
                    handler.event("live: " + credentials[0] + " is on the air");
                }
                yield CallbackReply.ok();
            }
            case "live-off" -> {
                liveSources.disconnected(serviceId);
                LiquidsoapHandler handler = handlers.get(serviceId);
                if (live.remove(serviceId) && handler != null) {
                    handler.event("live: the DJ left, the AutoDJ plays again");
                }
                yield CallbackReply.ok();
            }
            case "recorded" -> {
                String file = request.parameter("file");
                LiquidsoapHandler handler = handlers.get(serviceId);
                if (file == null || !StationScript.RECORDING_NAME.matcher(file).matches() || handler == null) {
                    yield CallbackReply.notFound(); // kept: the station's next start hands it over
                }
                handOver(handler, handler.recording(file));
                yield CallbackReply.ok();
            }
            default -> CallbackReply.notFound();
        };
    }

    /** A finished live recording goes to the panel, off the callback thread (the library indexes it). */
    void handOver(LiquidsoapHandler handler, java.nio.file.Path file) {
        executor.execute(() -> handler.event(liveRecordings.recorded(handler.serviceId(), file)));
    }

    /** User name and password of an HTTP Basic Authorization header (empty strings when there is none). */
    static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new String[] {"", ""};
        }
        String pair;
        try {
            pair = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new String[] {"", ""};
        }
        int colon = pair.indexOf(':');
        return colon < 0 ? new String[] {pair, ""} : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
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
