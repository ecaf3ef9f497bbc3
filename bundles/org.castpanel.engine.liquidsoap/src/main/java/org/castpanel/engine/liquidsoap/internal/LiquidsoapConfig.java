/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.liquidsoap.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Plugin-wide settings, PID {@code org.castpanel.engine.liquidsoap}. */
@ObjectClassDefinition(name = "CastPanel AutoDJ (Liquidsoap) engine")
public @interface LiquidsoapConfig {

    String PID = "org.castpanel.engine.liquidsoap";

    @AttributeDefinition(description = "The liquidsoap binary (2.1.x; Debian's package)")
    String binary() default "/usr/bin/liquidsoap";

    @AttributeDefinition(
            description =
                    "When the panel runs as root, liquidsoap runs as this unprivileged user (Debian's package makes it)")
    String user() default "liquidsoap";

    @AttributeDefinition(
            description = "The loudness every track is brought to, from the library's EBU R128 figure (LUFS)")
    double targetLufs() default -16.0;

    @AttributeDefinition(
            description = "How many tracks the local fallback playlist holds (played while the panel cannot answer)")
    int fallbackTracks() default 100;
}
