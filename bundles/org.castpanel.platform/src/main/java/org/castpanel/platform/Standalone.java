/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.platform;

import java.util.List;
import java.util.Map;

import org.castpanel.engine.api.platform.CallbackReply;
import org.castpanel.engine.api.platform.Callbacks;
import org.castpanel.engine.api.platform.ProcessSupervisor;
import org.castpanel.platform.internal.CallbackRoutes;
import org.castpanel.platform.internal.ProcessSupervisorImpl;

/**
 * The platform's implementations outside the OSGi framework, for plugins' own tests (the engine
 * test kit's {@code LocalPlatform}); inside the panel, take the services from the registry.
 */
public final class Standalone {

    private Standalone() {}

    /** A process supervisor like the panel's: detached daemons, pid files, adoption. */
    public static ProcessSupervisor processSupervisor() {
        return new ProcessSupervisorImpl();
    }

    /** The panel's callback endpoint without HTTP: a test plays the daemon by calling {@link #call}. */
    public interface LocalCallbacks extends Callbacks {

        /** What the panel would answer to a daemon calling {@code url} (from {@link #url}) with {@code event}. */
        CallbackReply call(String url, String event, Map<String, List<String>> parameters);
    }

    /** Callbacks like the panel's, with URLs under {@code baseUrl} and a fresh secret. */
    public static LocalCallbacks callbacks(String baseUrl) {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        CallbackRoutes routes = new CallbackRoutes(secret, baseUrl);
        String prefix = baseUrl.replaceAll("/+$", "") + CallbackRoutes.PATH;
        return new LocalCallbacks() {
            @Override
            public String url(String engineType, String scope) {
                return routes.url(engineType, scope);
            }

            @Override
            public AutoCloseable register(
                    String engineType, org.castpanel.engine.api.platform.CallbackHandler handler) {
                return routes.register(engineType, handler);
            }

            @Override
            public CallbackReply call(String url, String event, Map<String, List<String>> parameters) {
                if (!url.startsWith(prefix)) {
                    return CallbackReply.notFound();
                }
                return routes.dispatch(url.substring(prefix.length()) + "/" + event, "POST", parameters, "127.0.0.1");
            }
        };
    }
}
