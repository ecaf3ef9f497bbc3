/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.platform.internal;

import java.io.IOException;

import org.castpanel.engine.api.platform.CallbackHandler;
import org.castpanel.engine.api.platform.Callbacks;
import org.castpanel.engine.api.platform.ConfigFiles;
import org.castpanel.engine.api.platform.ServiceDirectories;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link Callbacks} of this panel: the secret lives in {@code engines/platform/callback-secret}
 * (0600) under the storage root, the URLs start at {@code callbackBaseUrl}; {@link CallbackServlet}
 * serves them.
 */
@Component(
        service = {Callbacks.class, CallbacksImpl.class},
        configurationPid = PlatformConfig.PID)
public class CallbacksImpl implements Callbacks {

    private final CallbackRoutes routes;

    @Activate
    public CallbacksImpl(final @Reference ServiceDirectories directories, final PlatformConfig config)
            throws IOException {
        this.routes = new CallbackRoutes(
                ConfigFiles.secret(directories.engineDirectory("platform").resolve("callback-secret"), 32),
                config.callbackBaseUrl());
    }

    @Modified
    void modified(PlatformConfig config) {
        routes.setBaseUrl(config.callbackBaseUrl());
    }

    @Override
    public String url(String engineType, String scope) {
        return routes.url(engineType, scope);
    }

    @Override
    public AutoCloseable register(String engineType, CallbackHandler handler) {
        return routes.register(engineType, handler);
    }

    CallbackRoutes routes() {
        return routes;
    }
}
