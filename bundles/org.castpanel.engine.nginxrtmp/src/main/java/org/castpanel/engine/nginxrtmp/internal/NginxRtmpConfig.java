/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.nginxrtmp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Plugin-wide settings, PID {@code org.castpanel.engine.nginxrtmp}. */
@ObjectClassDefinition(name = "CastPanel Nginx-RTMP engine")
public @interface NginxRtmpConfig {

    String PID = "org.castpanel.engine.nginxrtmp";

    @AttributeDefinition(description = "The nginx binary")
    String binary() default "/usr/sbin/nginx";

    @AttributeDefinition(description = "The RTMP module nginx loads")
    String modulePath() default "/usr/lib/nginx/modules/ngx_rtmp_module.so";

    @AttributeDefinition(description = "RTMP port encoders publish to (and RTMP players play from)")
    int rtmpPort() default 1935;

    @AttributeDefinition(description = "HTTP port that serves HLS")
    int httpPort() default 8090;

    @AttributeDefinition(description = "Address nginx listens on")
    String bindAddress() default "0.0.0.0";

    @AttributeDefinition(description = "When the panel runs as root, nginx's workers run as this user")
    String user() default "www-data";

    @AttributeDefinition(description = "The ffmpeg binary that pushes streams to restreaming targets")
    String ffmpeg() default "/usr/bin/ffmpeg";
}
