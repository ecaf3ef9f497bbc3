/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.wowza.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Plugin-wide settings, PID {@code org.castpanel.engine.wowza}. The servers themselves (REST URL,
 * credentials, public host) are registered per node under Engines, Servers.
 */
@ObjectClassDefinition(name = "CastPanel Wowza Streaming Engine")
public @interface WowzaConfig {

    String PID = "org.castpanel.engine.wowza";

    @AttributeDefinition(
            description = "The port encoders publish to over RTMP on every Wowza server (Wowza's default 1935)")
    int rtmpPort() default 1935;

    @AttributeDefinition(description = "The port players fetch HLS from (Wowza serves it on its streaming port, 1935)")
    int hlsPort() default 1935;

    @AttributeDefinition(description = "http or https, for the HLS playback URL shown to customers")
    String hlsScheme() default "http";

    @AttributeDefinition(description = "How long one REST call to a Wowza server may take, in milliseconds")
    int requestTimeoutMillis() default 5000;

    @AttributeDefinition(
            description = "The prefix of the application (and publisher) names CastPanel creates on a server")
    String applicationPrefix() default "castpanel-";
}
