/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.flussonic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.ListenerInfo;
import org.castpanel.engine.api.RunState;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.ServiceLimits;
import org.castpanel.engine.api.ServiceStats;
import org.castpanel.engine.api.ServiceStatus;
import org.castpanel.engine.api.platform.CallbackReply;
import org.castpanel.engine.api.platform.EngineServer;
import org.castpanel.engine.api.platform.OutboundTargets;
import org.castpanel.engine.testkit.EngineContractTest;
import org.castpanel.engine.testkit.LocalPlatform;
import org.castpanel.engine.testkit.TestMedia;
import org.castpanel.platform.Standalone;
import org.castpanel.simulator.flussonic.FlussonicServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The engine contract, and what a Flussonic service must do, on the Flussonic simulator standing
 * in for the proprietary server: its API as documented, its authorization backend calls reaching
 * the panel's callbacks over real HTTP, its media plane a real nginx-rtmp.
 */
class FlussonicContractTest extends EngineContractTest {

    private static Path folder;
    private static FlussonicServer flussonic;
    /** The panel's callback endpoint, over HTTP as Flussonic reaches it. */
    private static HttpServer endpoint;

    private static Standalone.LocalCallbacks local;
    /**
     * The tests make several factories (the kit one per test, some tests more), never deactivated:
     * each registers here, and a callback is answered by the newest factory that knows the
     * service (the others refuse it as the panel refuses an unknown service).
     */
    private static final List<org.castpanel.engine.api.platform.CallbackHandler> factories =
            new CopyOnWriteArrayList<>();

    private static final org.castpanel.engine.api.platform.Callbacks callbacks =
            new org.castpanel.engine.api.platform.Callbacks() {
                @Override
                public String url(String engineType, String scope) {
                    return local.url(engineType, scope);
                }

                @Override
                public AutoCloseable register(
                        String engineType, org.castpanel.engine.api.platform.CallbackHandler handler) {
                    factories.add(0, handler);
                    return () -> factories.remove(handler);
                }
            };
    private static final long SERVER_ID = 11;

    @BeforeAll
    static void startSimulatorAndEndpoint() throws IOException {
        folder = Files.createTempDirectory("flussonic-plugin-test");
        flussonic = start(folder.resolve("server"), TestMedia.freePort());
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        String base = "http://127.0.0.1:" + endpoint.getAddress().getPort();
        local = Standalone.callbacks(base);
        local.register(FlussonicEngineFactory.TYPE, request -> {
            for (org.castpanel.engine.api.platform.CallbackHandler factory : factories) {
                CallbackReply reply = factory.handle(request);
                if (reply.status() != 403 && reply.status() != 404) {
                    return reply;
                }
            }
            return CallbackReply.forbidden();
        });
        endpoint.createContext("/", exchange -> {
            String full = base + exchange.getRequestURI().getRawPath();
            Map<String, List<String>> params = new HashMap<>();
            String query = exchange.getRequestURI().getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>())
                            .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            CallbackReply reply = local.call(
                    full.substring(0, full.lastIndexOf('/')), full.substring(full.lastIndexOf('/') + 1), params);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), -1);
            exchange.close();
        });
        endpoint.start();
    }

    private static FlussonicServer start(Path dir, int httpPort) throws IOException {
        Files.createDirectories(dir);
        return FlussonicServer.start(FlussonicServer.Options.of(
                dir, httpPort, TestMedia.freePort(), TestMedia.freePort(), "flussonic", "edit-pass"));
    }

    @AfterAll
    static void stop() throws IOException {
        endpoint.stop(0);
        flussonic.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static EngineServer registered(long id, int httpPort) {
        return new EngineServer(
                id,
                FlussonicEngineFactory.TYPE,
                "local",
                "flussonic-" + id,
                URI.create("http://127.0.0.1:" + httpPort),
                "flussonic",
                "edit-pass",
                "127.0.0.1",
                true,
                EngineServer.Health.UNKNOWN);
    }

    @Override
    protected EngineFactory createFactory(LocalPlatform platform) {
        platform.registerServer(
                registered(SERVER_ID, flussonic.options().httpPort()),
                java.util.stream.LongStream.rangeClosed(1, 2_000).toArray());
        return factory(platform, platform.targets(), flussonic);
    }

    private static FlussonicEngineFactory factory(
            LocalPlatform platform, OutboundTargets targets, FlussonicServer server) {
        return new FlussonicEngineFactory(
                platform.engineServers(), targets, callbacks, platform.directories(), config(server));
    }

    static FlussonicConfig config(FlussonicServer server) {
        return new FlussonicConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FlussonicConfig.class;
            }

            @Override
            public int rtmpPort() {
                return server.options().rtmpPort();
            }

            @Override
            public int httpPort() {
                return server.options().httpPort();
            }

            @Override
            public String hlsScheme() {
                return "http";
            }

            @Override
            public int requestTimeoutMillis() {
                return 2000;
            }

            @Override
            public String streamPrefix() {
                return "castpanel-";
            }

            @Override
            public int listingPageSize() {
                return 2; // so that a handful of streams takes several pages
            }

            @Override
            public int authDurationSeconds() {
                return 30;
            }
        };
    }

    private ServiceContext context(long id, ServiceLimits limits, Map<String, Object> settings) {
        return new ServiceContext(
                id,
                1,
                FlussonicEngineFactory.TYPE,
                "Flussonic " + id,
                "local",
                limits,
                settings,
                platform().directories().serviceDirectory(id),
                platform().directories().contentDirectory(1));
    }

    private static EngineCallback recording(List<String> events) {
        return new EngineCallback() {
            @Override
            public void statusChanged(ServiceStatus status) {}

            @Override
            public void event(String message) {
                events.add(message);
            }
        };
    }

    /** Whether a sample says the stream is live (no sample yet: the server's listing is up to 2 s old). */
    private boolean live(EngineHandler handler) {
        ServiceStats stats = await(handler.statistics());
        return stats != null && stats.sourceConnected();
    }

    private static String body(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header("User-Agent", "ContractPlayer/2")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * The panel decides: the shown key publishes and a wrong one does not (answered by the
     * panel's callback), a rotated key locks the old one out, the viewer limit refuses the next
     * viewer, and the viewers Flussonic reports (session, ip, protocol, player) are listed.
     */
    @Test
    void thePanelAuthorizesEveryPublishAndEveryViewer() throws Exception {
        TestMedia media = new TestMedia();
        long id = 1_601;
        EngineFactory factory = createFactory(platform());
        ServiceContext first = context(id, new ServiceLimits(1, 4000, 100L, 10L, 1), Map.of());
        EngineHandler handler = factory.createHandler(first, recording(new CopyOnWriteArrayList<>()));
        try {
            await(handler.provision());
            assertEquals(RunState.STOPPED, await(handler.probe()).state(), "provisioned, not started");
            await(handler.start());
            Map<String, String> details = await(handler.connectionDetails());
            String publishUrl = details.get("publishUrl");
            assertTrue(details.get("hlsUrl").endsWith("/castpanel-" + id + "/index.m3u8"), details.toString());
            Process wrong = media.publish(publishUrl.replaceAll("token=.*", "token=guessed"), 300);
            assertTrue(wrong.waitFor(30, TimeUnit.SECONDS));
            assertNotEquals(0, wrong.exitValue(), "the panel refused a wrong key");

            media.publish(publishUrl, 300);
            TestMedia.await("the stream to be live", () -> live(handler));
            TestMedia.await("HLS to play", () -> body(details.get("hlsUrl")).contains(".ts"));
            List<ListenerInfo> viewers = await(handler.listeners());
            assertEquals(1, viewers.size(), viewers.toString());
            assertEquals("127.0.0.1", viewers.get(0).address());
            assertEquals("ContractPlayer/2", viewers.get(0).userAgent());
            assertEquals("hls", viewers.get(0).mount());
            ServiceStats stats = await(handler.statistics());
            assertTrue(stats != null, "a live stream has a sample");
            assertEquals(1, stats.viewersByProtocol().get("HLS"), stats.toString());
            Process second =
                    media.play("rtmp://127.0.0.1:" + flussonic.options().rtmpPort() + "/static/castpanel-" + id, 2);
            assertTrue(second.waitFor(30, TimeUnit.SECONDS));
            assertNotEquals(0, second.exitValue(), "one viewer is the service's limit");

            EngineHandler rotated = factory.createHandler(
                    context(id, first.limits(), Map.of("keyGeneration", 2L)), recording(new CopyOnWriteArrayList<>()));
            handler.dispose();
            await(rotated.reload());
            String newUrl = await(rotated.connectionDetails()).get("publishUrl");
            assertNotEquals(publishUrl, newUrl);
            Process old = media.publish(publishUrl, 300);
            assertTrue(old.waitFor(30, TimeUnit.SECONDS));
            assertNotEquals(0, old.exitValue(), "the old key stopped working");
            await(rotated.deprovision());
            assertFalse(flussonic.streamNames().contains("castpanel-" + id));
        } finally {
            media.close();
        }
    }

    /** A publisher over the bitrate limit is stopped with the reason in the history. */
    @Test
    void anEncoderOverTheBitrateLimitIsStopped() throws Exception {
        TestMedia media = new TestMedia();
        List<String> events = new CopyOnWriteArrayList<>();
        EngineHandler handler = createFactory(platform())
                .createHandler(context(1_602, new ServiceLimits(10, 64, 100L, 10L, 1), Map.of()), recording(events));
        try {
            await(handler.start());
            Process encoder = media.publish(await(handler.connectionDetails()).get("publishUrl"), 1500);
            TestMedia.await("the watchdog to act", () -> {
                await(handler.statistics());
                return !events.isEmpty();
            });
            assertTrue(events.get(0).contains("limit of 64 kbit/s"), events.toString());
            assertTrue(encoder.waitFor(30, TimeUnit.SECONDS), "the encoder was stopped");
        } finally {
            media.close();
            await(handler.deprovision());
        }
    }

    /**
     * A pulled stream fetches its source (here another stream of the simulator's), a refused
     * source host stops the provision and changes nothing, DVR needs a disk quota and is sent
     * within it, and pushes carry the restreaming key.
     */
    @Test
    void pulledStreamsDvrAndPushesAreSentAsTheSettingsSay() throws Exception {
        TestMedia media = new TestMedia();
        EngineFactory factory = createFactory(platform());
        EngineHandler origin = factory.createHandler(
                context(1_603, new ServiceLimits(10, 4000, 100L, 10L, 1), Map.of()),
                recording(new CopyOnWriteArrayList<>()));
        String source = "rtmp://127.0.0.1:" + flussonic.options().rtmpPort() + "/static/castpanel-1603";
        Map<String, Object> pullSettings = Map.of(
                "source",
                "pull",
                "pullUrl",
                source,
                "dvrHours",
                2L,
                "pushUrl1",
                "rtmp://live.example.net/app",
                "pushKey1",
                "k-1");
        try {
            await(origin.start());
            media.publish(await(origin.connectionDetails()).get("publishUrl"), 300);
            TestMedia.await("the origin to be live", () -> live(origin));

            EngineHandler refused = factory(
                            platform(),
                            host -> {
                                throw new IllegalArgumentException(host + " is this machine");
                            },
                            flussonic)
                    .createHandler(
                            context(1_604, new ServiceLimits(10, 4000, 100L, 10L, 1), pullSettings),
                            recording(new CopyOnWriteArrayList<>()));
            ExecutionException why = assertThrows(
                    ExecutionException.class,
                    () -> refused.provision().toCompletableFuture().get(30, TimeUnit.SECONDS));
            assertTrue(
                    why.getCause().getMessage().contains("is this machine"),
                    why.getCause().getMessage());
            assertFalse(flussonic.streamNames().contains("castpanel-1604"), "nothing was created");

            EngineHandler noQuota = factory.createHandler(
                    context(1_604, new ServiceLimits(10, 4000, null, 10L, 1), pullSettings),
                    recording(new CopyOnWriteArrayList<>()));
            ExecutionException quota = assertThrows(
                    ExecutionException.class,
                    () -> noQuota.provision().toCompletableFuture().get(30, TimeUnit.SECONDS));
            assertTrue(
                    quota.getCause().getMessage().contains("disk quota"),
                    quota.getCause().getMessage());

            EngineHandler relay = factory.createHandler(
                    context(1_604, new ServiceLimits(10, 4000, 100L, 10L, 1), pullSettings),
                    recording(new CopyOnWriteArrayList<>()));
            await(relay.start());
            TestMedia.await("the pulled stream to be live", () -> live(relay));
            Map<String, String> details = await(relay.connectionDetails());
            assertEquals(source, details.get("pulledFrom"));
            assertFalse(details.containsKey("publishUrl"), "nobody publishes to a pulled stream");
            assertTrue(details.get("dvrUrl").contains("/castpanel-1604/archive-"), details.toString());
            FlussonicApi api = new FlussonicApi(HttpClient.newHttpClient(), Duration.ofSeconds(5));
            var stream = api.call(
                            platform().engineServers().server(SERVER_ID).orElseThrow(),
                            "GET",
                            FlussonicApi.STREAMS + "/castpanel-1604",
                            null)
                    .body();
            assertEquals(7200, stream.at("/dvr/expiration").asInt());
            assertEquals(100L * 1024 * 1024, stream.at("/dvr/storage_limit").asLong());
            assertEquals(
                    "rtmp://live.example.net/app/k-1",
                    stream.at("/pushes/0/url").asText());
            assertFalse(stream.has("on_publish"), stream.toString());
            await(relay.deprovision());
        } finally {
            media.close();
            await(origin.deprovision());
        }
    }

    /** A server that stops answering is "unreachable" (nothing restarted); one that lost everything is rebuilt by a start. */
    @Test
    void aServerDownIsUnreachableAndOneThatLostEverythingIsRebuiltByAStart() throws Exception {
        int httpPort = TestMedia.freePort();
        Path dir = folder.resolve("restarted-" + httpPort);
        FlussonicServer second = start(dir, httpPort);
        LocalPlatform platform = platform();
        platform.registerServer(registered(12, httpPort), 1_605);
        FlussonicEngineFactory factory = factory(platform, platform.targets(), second);
        EngineHandler handler = factory.createHandler(
                context(1_605, new ServiceLimits(10, 4000, 100L, 10L, 1), Map.of()),
                recording(new CopyOnWriteArrayList<>()));
        try {
            await(handler.start());
            assertEquals(RunState.RUNNING, await(handler.probe()).state());
            second.close();
            ServiceStatus down = await(handler.probe());
            assertEquals(RunState.UNKNOWN, down.state());
            assertTrue(down.detail().startsWith("engine server unreachable"), down.detail());
            assertEquals(
                    EngineServer.State.UNHEALTHY,
                    platform.engineServers().server(12).orElseThrow().health().state());
            second = start(dir, httpPort);
            assertEquals(RunState.STOPPED, await(handler.probe()).state());
            await(handler.start());
            assertEquals(RunState.RUNNING, await(handler.probe()).state());
            String check = factory.checkServer(
                            platform.engineServers().server(12).orElseThrow())
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertTrue(check.contains("1 stream"), check);
        } finally {
            await(handler.deprovision());
            second.close();
        }
    }

    /** The statistics of many services come from the cursor-paged listing, every page of it. */
    @Test
    void statisticsOfManyServicesComeFromThePagedListing() throws Exception {
        EngineFactory factory = createFactory(platform());
        List<EngineHandler> handlers = new ArrayList<>();
        try {
            for (long id = 1_610; id < 1_615; id++) {
                EngineHandler handler = factory.createHandler(
                        context(id, new ServiceLimits(10, 4000, 100L, 10L, 1), Map.of()),
                        recording(new CopyOnWriteArrayList<>()));
                handlers.add(handler);
                await(handler.start());
            }
            for (EngineHandler handler : handlers) {
                ServiceStats stats = await(handler.statistics());
                assertTrue(
                        stats != null && !stats.sourceConnected(), "every stream is found, on whatever page: " + stats);
            }
        } finally {
            for (EngineHandler handler : handlers) {
                await(handler.deprovision());
            }
        }
    }
}
