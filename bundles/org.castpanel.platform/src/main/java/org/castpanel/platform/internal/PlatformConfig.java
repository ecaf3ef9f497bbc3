/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.platform.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the engine platform, PID {@code org.castpanel.platform}. */
@ObjectClassDefinition(name = "CastPanel engine platform", description = "Ports and directories for engines")
public @interface PlatformConfig {

    String PID = "org.castpanel.platform";

    @AttributeDefinition(description = "First port handed to media services")
    int portRangeStart() default 20000;

    @AttributeDefinition(description = "Last port handed to media services")
    int portRangeEnd() default 29999;

    @AttributeDefinition(
            description =
                    "Where service and content directories live; empty = data/castpanel under Karaf's data folder")
    String storageRoot() default "";

    @AttributeDefinition(description = "This node's name (the node field of its media services)")
    String node() default "local";

    @AttributeDefinition(
            description = "Hosts customers may use as restreaming or pull targets although they are "
                    + "this machine or in a private, loopback or link-local range (comma-separated names or addresses)")
    String allowedTargetHosts() default "";

    @AttributeDefinition(
            description = "Where this machine's daemons reach the panel's callback endpoint "
                    + "(/castpanel-callbacks): the panel's own HTTP address on loopback")
    String callbackBaseUrl() default "http://127.0.0.1:8181";

    @AttributeDefinition(
            description = "The host name customers use for this node's services (connection "
                    + "details of every engine): a DNS name or address of this server")
    String publicHostname() default "localhost";
}
