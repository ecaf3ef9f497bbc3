/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.provisioning.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the action queue and the reconciler, PID {@code org.castpanel.provisioning}. */
@ObjectClassDefinition(name = "CastPanel provisioning", description = "Action queue and reconciler")
public @interface ProvisioningConfig {

    String PID = "org.castpanel.provisioning";

    @AttributeDefinition(description = "Actions of different services run in parallel, at most this many at once")
    int workers() default 4;

    @AttributeDefinition(description = "An engine operation that takes longer fails (seconds)")
    int actionTimeoutSeconds() default 120;

    @AttributeDefinition(description = "Attempts of an action whose failure the engine calls retryable")
    int maxAttempts() default 4;

    @AttributeDefinition(description = "How often the queue looks for work it was not told about (ms)")
    int pollMillis() default 1000;

    @AttributeDefinition(description = "How often the reconciler compares what runs with what should (seconds)")
    int reconcileSeconds() default 30;

    @AttributeDefinition(
            description = "The pause after a service's first restart by the reconciler (seconds); it doubles "
                    + "with each restart in a row, up to 30 minutes")
    int restartPauseSeconds() default 60;

    @AttributeDefinition(
            description = "Restarts in a row after which the reconciler gives up on a service that keeps dying: "
                    + "it is marked failed, and starts again only when someone starts it")
    int giveUpAfterRestarts() default 5;

    @AttributeDefinition(
            description =
                    "Time limit for quick calls into plugin code (engine types, creating handlers, probes), seconds")
    int pluginCallSeconds() default 10;

    @AttributeDefinition(description = "How often running services' statistics are collected (seconds)")
    int statsSeconds() default 15;

    @AttributeDefinition(description = "How long statistics samples are kept (days)")
    int statsRetentionDays() default 7;

    @AttributeDefinition(
            description = "For services outside any reseller plan (plans carry their own switch): "
                    + "suspend a service that used up its monthly data transfer")
    boolean suspendOverTransfer() default true;
}
