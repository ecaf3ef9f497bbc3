/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.shoutcast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.ServiceLimits;
import org.castpanel.engine.api.ServiceStatus;
import org.castpanel.engine.testkit.EngineContractTest;
import org.castpanel.engine.testkit.LocalPlatform;
import org.castpanel.simulator.dnas.DnasSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine contract on the DNAS simulator standing in for the proprietary sc_serv (which cannot
 * be installed here): its config file, admin.cgi, statistics and signals as documented.
 */
class ShoutcastContractTest extends EngineContractTest {

    private static Path simulator;
    private static Path launcher;

    @BeforeAll
    static void installSimulator() throws IOException {
        simulator = Files.createTempDirectory(Path.of("/tmp"), "dnas-simulator");
        launcher = DnasSimulator.install(simulator);
    }

    @AfterAll
    static void removeSimulator() throws IOException {
        try (var files = Files.walk(simulator)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        }
    }

    /**
     * The bitrate watchdog: a source announcing more than the service's limit is cut through
     * admin.cgi's kicksrc, and the service's history says why.
     */
    @Test
    void aSourceAnnouncingMoreThanTheLimitIsCutAndTheHistorySaysSo() throws Exception {
        EngineFactory factory = createFactory(platform());
        long id = 9_001;
        List<String> events = new CopyOnWriteArrayList<>();
        ServiceContext context = context(id, new ServiceLimits(10, 64, 100L, 10L, 2), "/live", List.of());
        EngineHandler handler = factory.createHandler(context, new EngineCallback() {
            @Override
            public void statusChanged(ServiceStatus status) {}

            @Override
            public void event(String message) {
                events.add(message);
            }
        });
        await(handler.provision());
        await(handler.start());
        try (Socket source = new Socket("127.0.0.1", platform().ports().consecutive(id, "portbase", 2) + 1)) {
            source.setSoTimeout(10_000);
            String password = await(handler.connectionDetails()).get("sourcePassword");
            source.getOutputStream().write((password + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] answer = new byte[4];
            assertEquals(4, source.getInputStream().readNBytes(answer, 0, 4));
            assertEquals("OK2\r", new String(answer, StandardCharsets.ISO_8859_1));
            source.getOutputStream().write("icy-br:320\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            source.getOutputStream().write(new byte[4096]);
            for (int i = 0; i < 100 && events.isEmpty(); i++) {
                await(handler.statistics()); // each sample runs the watchdog
            }
            assertEquals(1, events.size(), events.toString());
            assertTrue(events.get(0).contains("320 kbit/s") && events.get(0).contains("limit of 64"), events.get(0));
            source.getInputStream().skip(64);
            assertEquals(-1, source.getInputStream().read(), "the source's connection was closed");
        } finally {
            await(handler.stop());
        }
    }

    /** Adding or removing a mount point never moves another one to a new stream id or password. */
    @Test
    void streamIdsStayWithTheirMountPoints() throws Exception {
        long id = 9_002;
        java.util.function.Function<List<String>, List<ScServConf.Stream>> streamsWith = names -> {
            ServiceContext context = context(
                    id,
                    new ServiceLimits(10, 128, 100L, 10L, 5),
                    "/main",
                    names.stream()
                            .map(n -> new org.castpanel.engine.api.MountPoint(n, null, null, false, null, null, null))
                            .toList());
            ShoutcastHandler handler =
                    (ShoutcastHandler) createFactory(platform()).createHandler(context, null);
            try {
                return handler.streams(handler.credentials());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        List<ScServConf.Stream> first = streamsWith.apply(List.of("/b"));
        assertEquals(List.of(1, 2), first.stream().map(ScServConf.Stream::id).toList());
        List<ScServConf.Stream> second = streamsWith.apply(List.of("/a", "/b"));
        assertEquals(
                first.get(1),
                second.stream().filter(x -> x.path().equals("/b")).findFirst().orElseThrow(),
                "/b keeps its id and password when /a sorts before it");
        assertEquals(
                3,
                second.stream()
                        .filter(x -> x.path().equals("/a"))
                        .findFirst()
                        .orElseThrow()
                        .id());
        List<ScServConf.Stream> third = streamsWith.apply(List.of("/a", "/c"));
        ScServConf.Stream c =
                third.stream().filter(x -> x.path().equals("/c")).findFirst().orElseThrow();
        assertEquals(2, c.id(), "the removed /b's id is free again");
        assertTrue(!c.password().equals(first.get(1).password()), "but not its password: /b's encoder cannot feed /c");
    }

    /** A SHOUTcast service of this test's own: its id, limits, stream 1's path and mount points. */
    private ServiceContext context(
            long id, ServiceLimits limits, String mount, List<org.castpanel.engine.api.MountPoint> mounts) {
        return new ServiceContext(
                id,
                1,
                ShoutcastEngineFactory.TYPE,
                "Service " + id,
                "local",
                limits,
                Map.of("mount", mount),
                platform().directories().serviceDirectory(id),
                platform().directories().contentDirectory(1),
                mounts);
    }

    @Override
    protected EngineFactory createFactory(LocalPlatform platform) {
        return new ShoutcastEngineFactory(platform.supervisor(), platform.ports(), platform.node(), config(launcher));
    }

    /** Settings as ConfigAdmin would give them: sc_serv is the simulator, run as the test's own user. */
    static ShoutcastConfig config(Path binary) {
        if (!Files.isExecutable(binary)) {
            throw new UncheckedIOException(new IOException("no simulator at " + binary));
        }
        return new ShoutcastConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ShoutcastConfig.class;
            }

            @Override
            public String binary() {
                return binary.toString();
            }

            @Override
            public String user() {
                return "";
            }
        };
    }
}
