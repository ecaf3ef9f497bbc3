/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.castpanel.services.api.EngineServerAdmin;
import org.castpanel.services.api.EngineServerInfo;
import org.castpanel.services.api.EngineServerInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Remote media servers (Wowza, Flussonic) registered per node: administrators only. Passwords are
 * write-only; PATCH changes the fields it names.
 */
@Component(service = EngineServerResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("engine-servers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EngineServerResource {

    private final EngineServerAdmin servers;

    @Activate
    public EngineServerResource(final @Reference EngineServerAdmin servers) {
        this.servers = servers;
    }

    @GET
    public List<EngineServerInfo> list(@Context SecurityContext security) {
        return servers.list(AuthFilter.caller(security));
    }

    @POST
    public Response create(EngineServerInput input, @Context SecurityContext security) {
        EngineServerInfo created = servers.create(AuthFilter.caller(security), input);
        return Response.created(URI.create("engine-servers/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    public EngineServerInfo get(@PathParam("id") long id, @Context SecurityContext security) {
        return servers.get(AuthFilter.caller(security), id);
    }

    @PATCH
    @Path("{id}")
    public EngineServerInfo update(
            @PathParam("id") long id, EngineServerInput changes, @Context SecurityContext security) {
        return servers.update(AuthFilter.caller(security), id, changes);
    }

    /** Test connection: the plugin checks the server now; the answer carries its health and why. */
    @POST
    @Path("{id}/check")
    public EngineServerInfo check(@PathParam("id") long id, @Context SecurityContext security) {
        return servers.check(AuthFilter.caller(security), id);
    }

    /** Refused with 409 while services are placed on the server. */
    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") long id, @Context SecurityContext security) {
        servers.delete(AuthFilter.caller(security), id);
    }
}
