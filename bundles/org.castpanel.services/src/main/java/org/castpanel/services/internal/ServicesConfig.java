/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The platform's maxima per media service. They live in etc/org.castpanel.core.cfg with the
 * account settings (PID {@code org.castpanel.core}), where operators have always set them.
 */
@ObjectClassDefinition(name = "CastPanel media services", description = "Platform maxima per media service")
public @interface ServicesConfig {

    String PID = "org.castpanel.core";

    @AttributeDefinition(description = "The most listeners or viewers one media service may be given")
    int serviceMaxListeners() default 100_000;

    @AttributeDefinition(description = "The highest bitrate limit one media service may be given (kbit/s)")
    int serviceMaxBitrateKbps() default 50_000;

    @AttributeDefinition(description = "The largest disk quota one media service may be given (MB)")
    long serviceMaxDiskQuotaMb() default 10_000_000L;

    @AttributeDefinition(description = "The largest monthly data transfer one media service may be given (GB)")
    long serviceMaxDataTransferGb() default 10_000_000L;

    @AttributeDefinition(description = "The most mount points one media service may be given")
    int serviceMaxMountPoints() default 100;
}
