/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.icecast.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Plugin-wide settings, PID {@code org.castpanel.engine.icecast}. */
@ObjectClassDefinition(name = "CastPanel Icecast 2 engine")
public @interface IcecastConfig {

    String PID = "org.castpanel.engine.icecast";

    @AttributeDefinition(description = "The icecast2 binary")
    String binary() default "/usr/bin/icecast2";

    @AttributeDefinition(description = "Address icecast listens on")
    String bindAddress() default "0.0.0.0";

    @AttributeDefinition(description = "When the panel runs as root, icecast drops to this user")
    String user() default "icecast2";

    @AttributeDefinition(description = "... and this group")
    String group() default "icecast";

    @AttributeDefinition(description = "Icecast's web and admin templates")
    String sharePath() default "/usr/share/icecast2";
}
