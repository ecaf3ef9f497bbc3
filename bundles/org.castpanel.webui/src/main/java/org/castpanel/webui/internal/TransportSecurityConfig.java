/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.webui.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** HTTPS settings of the panel's web front, PID {@code org.castpanel.http} (etc/org.castpanel.http.cfg). */
@ObjectClassDefinition(name = "CastPanel HTTPS", description = "Redirect to HTTPS and Strict-Transport-Security")
public @interface TransportSecurityConfig {

    String PID = "org.castpanel.http";

    @AttributeDefinition(
            description = "Send browsers and API clients that come over plain HTTP to HTTPS "
                    + "(requests from this machine itself, such as engine callbacks, are never redirected)")
    boolean redirectToHttps() default false;

    @AttributeDefinition(description = "The HTTPS port redirects point to")
    int httpsPort() default 8443;

    @AttributeDefinition(description = "Strict-Transport-Security max-age sent on HTTPS answers, in seconds (0: none)")
    long hstsMaxAgeSeconds() default 31_536_000L;
}
