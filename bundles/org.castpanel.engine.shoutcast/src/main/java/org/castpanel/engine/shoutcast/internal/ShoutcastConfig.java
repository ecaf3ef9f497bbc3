/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.shoutcast.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Plugin-wide settings, PID {@code org.castpanel.engine.shoutcast}. */
@ObjectClassDefinition(name = "CastPanel SHOUTcast DNAS 2 engine")
public @interface ShoutcastConfig {

    String PID = "org.castpanel.engine.shoutcast";

    @AttributeDefinition(
            description = "The sc_serv binary of SHOUTcast DNAS 2.6 (proprietary: download it from shoutcast.com)")
    String binary() default "/opt/shoutcast/sc_serv";

    @AttributeDefinition(description = "When the panel runs as root, sc_serv runs as this unprivileged user")
    String user() default "nobody";
}
