/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests.support;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/** Engine plugins in a test panel: whether a type is installed, and the test engine deployed once. */
public final class Engines {

    /** The test engine's jar (built by the engine.test module; not in the distribution). */
    public static final Path TEST_ENGINE = Path.of(System.getProperty("castpanel.test.engine"));

    private Engines() {}

    public static boolean available(Api.As admin, String type) {
        for (JsonNode engine : admin.get("/engines").expect(200).body()) {
            if (engine.at("/type/id").asText().equals(type)) {
                return engine.get("available").asBoolean();
            }
        }
        return false;
    }

    /**
     * Deploys the test engine unless its type {@code waitFor} is already there (a second copy into
     * deploy/ would update the bundle under the other tests of a shared panel), then waits for it.
     */
    public static void ensureTestEngine(Panel panel, String waitFor) {
        Api.As admin = panel.admin();
        if (!available(admin, waitFor)) {
            panel.deploy(TEST_ENGINE);
        }
        Await.until("the test engine to be listed", Duration.ofSeconds(30), () -> available(admin, waitFor));
    }
}
