/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.events.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "CastPanel events",
        description = "The durable outbox and its relay to durable listeners.")
public @interface OutboxConfig {

    String PID = "org.castpanel.events";

    @AttributeDefinition(description = "Days an event stays in the outbox (delivered or not).")
    int retentionDays() default 7;

    @AttributeDefinition(
            description = "First wait before a failed delivery is tried again, in milliseconds; doubles per failure.")
    long retryMillis() default 1000;

    @AttributeDefinition(description = "Longest wait between attempts of a failing delivery, in milliseconds.")
    long maxRetryMillis() default 300_000;

    @AttributeDefinition(description = "How often the relay looks for events it was not woken for, in milliseconds.")
    long pollMillis() default 5000;
}
