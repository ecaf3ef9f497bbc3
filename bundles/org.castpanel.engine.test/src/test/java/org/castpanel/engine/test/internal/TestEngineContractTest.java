/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.test.internal;

import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.testkit.EngineContractTest;
import org.castpanel.engine.testkit.LocalPlatform;

/** The test engine keeps the contract every engine plugin keeps. */
class TestEngineContractTest extends EngineContractTest {

    @Override
    protected EngineFactory createFactory(LocalPlatform platform) {
        return new TestEngineFactory(platform.supervisor(), platform.ports(), platform.engineServers());
    }
}
