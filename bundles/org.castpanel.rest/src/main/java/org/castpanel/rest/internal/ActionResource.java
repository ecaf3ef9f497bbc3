/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.castpanel.core.api.ServiceAction;
import org.castpanel.services.api.MediaServices;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** One queued action: queued, running, succeeded or failed with a message. */
@Component(service = ActionResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("actions")
@Produces(MediaType.APPLICATION_JSON)
public class ActionResource {

    private final MediaServices services;

    @Activate
    public ActionResource(final @Reference MediaServices services) {
        this.services = services;
    }

    @GET
    @Path("{id}")
    public ServiceAction get(@PathParam("id") long id, @Context SecurityContext security) {
        return services.action(AuthFilter.caller(security), id);
    }
}
