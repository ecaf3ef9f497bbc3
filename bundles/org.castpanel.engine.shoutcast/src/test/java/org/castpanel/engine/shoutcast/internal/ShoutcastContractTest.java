/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.shoutcast.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;

import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.testkit.EngineContractTest;
import org.castpanel.engine.testkit.LocalPlatform;
import org.castpanel.simulator.dnas.DnasSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
