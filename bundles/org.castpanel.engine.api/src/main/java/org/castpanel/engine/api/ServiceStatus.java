/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

/** A probe's answer, with a human-readable detail ("listening on 8000", "exited with 1"). */
public record ServiceStatus(RunState state, String detail) {

    public static ServiceStatus running(String detail) {
        return new ServiceStatus(RunState.RUNNING, detail);
    }

    public static ServiceStatus stopped(String detail) {
        return new ServiceStatus(RunState.STOPPED, detail);
    }

    public static ServiceStatus failed(String detail) {
        return new ServiceStatus(RunState.FAILED, detail);
    }
}
