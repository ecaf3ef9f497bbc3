/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.icecast.internal;

import java.lang.annotation.Annotation;

import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.testkit.EngineContractTest;
import org.castpanel.engine.testkit.LocalPlatform;

/** The engine contract against real icecast2 processes (./castpanel test installs icecast2). */
class IcecastContractTest extends EngineContractTest {

    @Override
    protected EngineFactory createFactory(LocalPlatform platform) {
        return new IcecastEngineFactory(platform.supervisor(), platform.ports(), platform.node(), defaults());
    }

    /** The plugin's default settings, as ConfigAdmin would give them with no configuration. */
    static IcecastConfig defaults() {
        return new IcecastConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return IcecastConfig.class;
            }

            @Override
            public String binary() {
                return "/usr/bin/icecast2";
            }

            @Override
            public String bindAddress() {
                return "127.0.0.1";
            }

            @Override
            public String user() {
                return "icecast2";
            }

            @Override
            public String group() {
                return "icecast";
            }

            @Override
            public String sharePath() {
                return "/usr/share/icecast2";
            }
        };
    }
}
