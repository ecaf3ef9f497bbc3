/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.provisioning.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.castpanel.engine.api.platform.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a pass on a daemon thread of its own at a fixed delay; a pass that fails is logged and the
 * next one runs as planned, so one bad pass never stops the reconciler or the collector.
 */
final class PeriodicTask implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

    private final ScheduledExecutorService timer;

    PeriodicTask(String name, long initialSeconds, long periodSeconds, Runnable pass) {
        timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(name));
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        pass.run();
                    } catch (RuntimeException e) {
                        LOG.error("{} failed; trying again in {} s", name, periodSeconds, e);
                    }
                },
                initialSeconds,
                periodSeconds,
                TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
