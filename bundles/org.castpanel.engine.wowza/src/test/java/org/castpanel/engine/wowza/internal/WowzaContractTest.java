/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.wowza.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.RunState;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.ServiceLimits;
import org.castpanel.engine.api.ServiceStats;
import org.castpanel.engine.api.ServiceStatus;
import org.castpanel.engine.api.platform.EngineServer;
import org.castpanel.engine.api.platform.OutboundTargets;
import org.castpanel.engine.testkit.EngineContractTest;
import org.castpanel.engine.testkit.LocalPlatform;
import org.castpanel.engine.testkit.TestMedia;
import org.castpanel.simulator.wowza.WowzaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine contract, and what a Wowza service must do, on the Wowza simulator standing in for
 * the proprietary server (which cannot be installed here): its REST API as documented, its media
 * plane a real nginx-rtmp, so encoders really publish and are really refused.
 */
class WowzaContractTest extends EngineContractTest {

    private static Path folder;
    private static WowzaServer wowza;
    private static final long SERVER_ID = 7;

    @BeforeAll
    static void startSimulator() throws IOException {
        folder = Files.createTempDirectory("wowza-plugin-test");
        wowza = start(folder.resolve("server"), TestMedia.freePort(), false);
    }

    private static WowzaServer start(Path dir, int restPort, boolean digest) throws IOException {
        Files.createDirectories(dir);
        return WowzaServer.start(WowzaServer.Options.of(
                dir,
                restPort,
                TestMedia.freePort(),
                TestMedia.freePort(),
                TestMedia.freePort(),
                "wowza-admin",
                "rest-pass",
                digest));
    }

    @AfterAll
    static void stopSimulator() throws IOException {
        if (wowza != null) {
            wowza.close();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static EngineServer registered(long id, WowzaServer server, int restPort) {
        return new EngineServer(
                id,
                WowzaEngineFactory.TYPE,
                "local",
                "wowza-" + id,
                URI.create("http://127.0.0.1:" + restPort),
                "wowza-admin",
                "rest-pass",
                "127.0.0.1",
                true,
                EngineServer.Health.UNKNOWN);
    }

    @Override
    protected EngineFactory createFactory(LocalPlatform platform) {
        long[] ids = java.util.stream.LongStream.rangeClosed(1, 2_000).toArray();
        platform.registerServer(registered(SERVER_ID, wowza, wowza.options().restPort()), ids);
        return factory(platform, platform.targets(), wowza);
    }

    private static WowzaEngineFactory factory(LocalPlatform platform, OutboundTargets targets, WowzaServer server) {
        return new WowzaEngineFactory(platform.engineServers(), targets, config(server));
    }

    /** Settings as ConfigAdmin would give them: the simulator's streaming ports. */
    static WowzaConfig config(WowzaServer server) {
        return new WowzaConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WowzaConfig.class;
            }

            @Override
            public int rtmpPort() {
                return server.options().rtmpPort();
            }

            @Override
            public int hlsPort() {
                return server.options().hlsPort();
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
            public String applicationPrefix() {
                return "castpanel-";
            }
        };
    }

    private ServiceContext context(long id, String name, ServiceLimits limits, Map<String, Object> settings) {
        return new ServiceContext(
                id,
                1,
                WowzaEngineFactory.TYPE,
                name,
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

    /** An encoder for the simulator: it takes the publisher's name and password as query parameters. */
    private final TestMedia media = new TestMedia();

    @org.junit.jupiter.api.AfterEach
    void stopMedia() {
        media.close();
    }

    private Process publish(Map<String, String> details, String password, int kbps) {
        return media.publish(
                details.get("publishUrl") + "?user=" + details.get("username") + "&pass=" + password, kbps);
    }

    /**
     * The shown credentials let an encoder in and others not; raising the key generation rotates
     * the password, and the old one stops working; HLS plays at the shown URL; deprovision leaves
     * nothing of the service on the server.
     */
    @Test
    void theShownCredentialsAdmitTheEncoderAndRotatingThemLocksTheOldOnesOut() throws Exception {
        long id = 1_501;
        EngineFactory factory = createFactory(platform());
        ServiceContext first =
                context(id, "Rotation", new ServiceLimits(10, 4000, 100L, 10L, 1), Map.of("streamName", "cam"));
        EngineHandler handler = factory.createHandler(first, recording(new CopyOnWriteArrayList<>()));
        await(handler.start());
        Map<String, String> details = await(handler.connectionDetails());
        assertEquals("cam", details.get("streamName"));
        assertTrue(details.get("hlsUrl").endsWith("/castpanel-" + id + "/cam/playlist.m3u8"), details.toString());

        Process wrong = publish(details, "not-the-password", 300);
        assertTrue(wrong.waitFor(30, TimeUnit.SECONDS));
        assertNotEquals(0, wrong.exitValue(), "a wrong password is refused");

        Process encoder = publish(details, details.get("password"), 300);
        try {
            TestMedia.await(
                    "the encoder to be live", () -> await(handler.statistics()).sourceConnected());
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            TestMedia.await("HLS to play", () -> {
                try {
                    return http.send(
                                    java.net.http.HttpRequest.newBuilder(URI.create(details.get("hlsUrl")))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString())
                            .body()
                            .contains(".ts");
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            ServiceStats stats = await(handler.statistics());
            assertEquals(1, stats.viewersByProtocol().get("HLS"), stats.toString());
            assertEquals(0, stats.viewersByProtocol().get("RTMP"), stats.toString());
            assertEquals(1, stats.listeners());
        } finally {
            encoder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        ServiceContext rotated =
                context(id, "Rotation", first.limits(), Map.of("streamName", "cam", "keyGeneration", 2L));
        EngineHandler next = factory.createHandler(rotated, recording(new CopyOnWriteArrayList<>()));
        await(next.reload());
        Map<String, String> after = await(next.connectionDetails());
        assertNotEquals(details.get("password"), after.get("password"), "a new generation is a new password");
        Process old = publish(details, details.get("password"), 300);
        assertTrue(old.waitFor(30, TimeUnit.SECONDS));
        assertNotEquals(0, old.exitValue(), "the old password stopped working");

        await(next.deprovision());
        assertFalse(
                wowza.applicationNames().contains("castpanel-" + id),
                wowza.applicationNames().toString());
        assertFalse(
                wowza.publisherNames().contains("castpanel-" + id),
                wowza.publisherNames().toString());
    }

    /** An encoder over the service's bitrate is disconnected through disconnectStream, and the history says why. */
    @Test
    void anEncoderOverTheBitrateLimitIsDisconnected() throws Exception {
        long id = 1_502;
        List<String> events = new CopyOnWriteArrayList<>();
        EngineHandler handler = createFactory(platform())
                .createHandler(
                        context(id, "Watchdog", new ServiceLimits(10, 64, 100L, 10L, 1), Map.of()), recording(events));
        await(handler.start());
        Process encoder = publish(
                await(handler.connectionDetails()),
                await(handler.connectionDetails()).get("password"),
                1500);
        try {
            TestMedia.await("the watchdog to act", () -> {
                await(handler.statistics());
                return !events.isEmpty();
            });
            assertTrue(events.get(0).contains("limit of 64 kbit/s"), events.toString());
            assertTrue(encoder.waitFor(30, TimeUnit.SECONDS), "the encoder was cut");
        } finally {
            encoder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            await(handler.deprovision());
        }
    }

    /**
     * A Wowza server that stops answering: probes say "engine server unreachable" (not stopped, so
     * nothing is restarted in a loop) and the registry marks the server unhealthy; once it is back
     * with nothing of ours (a reinstalled server), a start re-creates the application.
     */
    @Test
    void aServerDownIsUnreachableAndOneThatLostEverythingIsRebuiltByAStart() throws Exception {
        int restPort = TestMedia.freePort();
        Path dir = folder.resolve("restarted-" + restPort);
        WowzaServer second = start(dir, restPort, true);
        LocalPlatform platform = platform();
        platform.registerServer(registered(8, second, restPort), 1_503);
        EngineFactory factory = factory(platform, platform.targets(), second);
        EngineHandler handler = factory.createHandler(
                context(1_503, "Outage", new ServiceLimits(10, 4000, 100L, 10L, 1), Map.of()),
                recording(new CopyOnWriteArrayList<>()));
        try {
            await(handler.start());
            assertEquals(RunState.RUNNING, await(handler.probe()).state(), "digest authentication works too");
            second.close();
            ServiceStatus down = await(handler.probe());
            assertEquals(RunState.UNKNOWN, down.state());
            assertTrue(down.detail().startsWith("engine server unreachable"), down.detail());
            assertEquals(
                    EngineServer.State.UNHEALTHY,
                    platform.engineServers().server(8).orElseThrow().health().state());
            ExecutionException failed = assertThrows(
                    ExecutionException.class,
                    () -> factory.checkServer(platform.engineServers().server(8).orElseThrow())
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS));
            assertTrue(
                    failed.getCause().getMessage().contains("does not answer"),
                    failed.getCause().getMessage());

            second = start(dir, restPort, true);
            ServiceStatus lost = await(handler.probe());
            assertEquals(RunState.STOPPED, lost.state(), lost.detail());
            assertEquals(
                    EngineServer.State.HEALTHY,
                    platform.engineServers().server(8).orElseThrow().health().state());
            await(handler.start());
            assertEquals(RunState.RUNNING, await(handler.probe()).state());
            String check = factory.checkServer(
                            platform.engineServers().server(8).orElseThrow())
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertTrue(check.contains("1 application"), check);
        } finally {
            await(handler.deprovision());
            second.close();
        }
    }

    /**
     * Restreaming targets become push-publish map entries; a refused host stops the provision
     * with the policy's reason and leaves the server as it was; the service's name, which
     * reaches Wowza only as JSON text, keeps its metacharacters as plain text.
     */
    @Test
    void restreamingTargetsAreMapEntriesAndARefusedHostChangesNothing() throws Exception {
        long id = 1_504;
        String name = "Quote\" back\\slash {brace} ; semi\nnewline";
        Map<String, Object> settings = Map.of(
                "pushUrl1",
                "rtmp://live.example.net/app",
                "pushKey1",
                "key-1.a",
                "pushUrl2",
                "rtmp://10.0.0.9:1940/x/y",
                "pushKey2",
                "k2");
        EngineFactory refusing = factory(
                platform(),
                host -> {
                    if (host.startsWith("10.")) {
                        throw new IllegalArgumentException(host + " is a private address");
                    }
                },
                wowza);
        EngineHandler handler = refusing.createHandler(
                context(id, name, new ServiceLimits(3, 4000, 100L, 10L, 1), settings),
                recording(new CopyOnWriteArrayList<>()));
        ExecutionException refused = assertThrows(
                ExecutionException.class,
                () -> handler.provision().toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertTrue(
                refused.getCause().getMessage().contains("private address"),
                refused.getCause().getMessage());
        assertFalse(wowza.applicationNames().contains("castpanel-" + id), "nothing was created");

        EngineHandler allowed = createFactory(platform())
                .createHandler(
                        context(id, name, new ServiceLimits(3, 4000, 100L, 10L, 1), settings),
                        recording(new CopyOnWriteArrayList<>()));
        await(allowed.provision());
        EngineServer server = platform().engineServers().server(SERVER_ID).orElseThrow();
        WowzaRest rest = new WowzaRest(java.net.http.HttpClient.newHttpClient(), Duration.ofSeconds(5));
        String app = WowzaRest.APPLICATIONS + "/castpanel-" + id;
        var entries = rest.get(server, app + "/pushpublish/mapentries").body().path("mapEntries");
        assertEquals(2, entries.size(), entries.toString());
        assertEquals("live.example.net", entries.get(0).path("host").asText());
        assertEquals("app", entries.get(0).path("application").asText());
        assertEquals("key-1.a", entries.get(0).path("streamName").asText());
        assertEquals(1940, entries.get(1).path("port").asInt());
        var config = rest.get(server, app).body();
        assertEquals(
                "CastPanel service " + id + ": " + name,
                config.path("description").asText());
        assertEquals(3, config.at("/securityConfig/playMaximumConnections").asInt());

        EngineHandler fewer = createFactory(platform())
                .createHandler(
                        context(
                                id,
                                name,
                                new ServiceLimits(3, 4000, 100L, 10L, 1),
                                Map.of("pushUrl1", "rtmp://live.example.net/app", "pushKey1", "key-1.a")),
                        recording(new CopyOnWriteArrayList<>()));
        await(fewer.provision());
        assertEquals(
                1,
                rest.get(server, app + "/pushpublish/mapentries")
                        .body()
                        .path("mapEntries")
                        .size(),
                "a removed target is removed");
        await(fewer.deprovision());
    }
}
