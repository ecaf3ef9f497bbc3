/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api.platform;

import java.net.URI;
import java.time.Instant;

/**
 * A media server an administrator registered for an engine type on a node (a Wowza or Flussonic
 * box): its management URL and credentials (the password decrypted for the plugin; it is stored
 * encrypted and never shown by the API), the host customers use, and the health its plugin last
 * reported.
 */
public record EngineServer(
        long id,
        String engineType,
        String node,
        String name,
        URI url,
        String username,
        String password,
        String publicHost,
        boolean enabled,
        Health health) {

    /** What the plugin last found when it checked the server. */
    public record Health(State state, String detail, Instant checkedAt) {

        public static final Health UNKNOWN = new Health(State.UNKNOWN, "not checked yet", null);
    }

    public enum State {
        UNKNOWN,
        HEALTHY,
        UNHEALTHY
    }

    @Override
    public String toString() {
        return "EngineServer[" + id + " " + engineType + " " + url + "]";
    }
}
