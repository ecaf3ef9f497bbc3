/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.flussonic.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Plugin-wide settings, PID {@code org.castpanel.engine.flussonic}. The servers themselves (API URL,
 * edit credentials, public host) are registered per node under Engines, Servers.
 */
@ObjectClassDefinition(name = "CastPanel Flussonic Media Server")
public @interface FlussonicConfig {

    String PID = "org.castpanel.engine.flussonic";

    @AttributeDefinition(description = "The port encoders publish to over RTMP on every Flussonic server (1935)")
    int rtmpPort() default 1935;

    @AttributeDefinition(description = "The port players fetch HLS from (Flussonic's HTTP port, 80)")
    int httpPort() default 80;

    @AttributeDefinition(description = "http or https, for the HLS and DVR URLs shown to customers")
    String hlsScheme() default "http";

    @AttributeDefinition(description = "How long one API call to a Flussonic server may take, in milliseconds")
    int requestTimeoutMillis() default 5000;

    @AttributeDefinition(description = "The prefix of the stream names CastPanel creates on a server")
    String streamPrefix() default "castpanel-";

    @AttributeDefinition(
            description = "Streams per page when the statistics pass lists a server's streams (cursor paging)")
    int listingPageSize() default 500;

    @AttributeDefinition(
            description =
                    "How often Flussonic asks the panel again about a viewer session (X-AuthDuration), in seconds")
    int authDurationSeconds() default 30;
}
