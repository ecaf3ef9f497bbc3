package com.example.castpanel.engine.internal;

import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.testkit.EngineContractTest;
import org.castpanel.engine.testkit.LocalPlatform;

/** STEP 3 of the guide: the contract every engine plugin keeps, run on a local platform. */
class ExampleEngineContractTest extends EngineContractTest {

    @Override
    protected EngineFactory createFactory(LocalPlatform platform) {
        return new ExampleEngineFactory(platform.supervisor(), platform.ports());
    }
}
