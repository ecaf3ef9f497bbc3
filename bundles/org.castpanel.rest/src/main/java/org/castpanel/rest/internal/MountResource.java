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
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.castpanel.services.api.MountInput;
import org.castpanel.services.api.ServiceMount;
import org.castpanel.services.api.ServiceMounts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The extra mount points of a media service (engines with mount points). Another tenant's service answers 404. */
@Component(service = MountResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("services/{id}/mounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MountResource {

    private final ServiceMounts mounts;

    @Activate
    public MountResource(final @Reference ServiceMounts mounts) {
        this.mounts = mounts;
    }

    @GET
    public List<ServiceMount> list(@PathParam("id") long id, @Context SecurityContext security) {
        return mounts.list(AuthFilter.caller(security), id);
    }

    /** Adds a mount point; a running service is reloaded (listeners stay connected). */
    @POST
    public Response create(@PathParam("id") long id, MountInput mount, @Context SecurityContext security) {
        ServiceMount created = mounts.create(AuthFilter.caller(security), id, mount);
        return Response.created(URI.create("services/" + id + "/mounts/" + created.id()))
                .entity(created)
                .build();
    }

    /** Replaces a mount point's settings. */
    @PUT
    @Path("{mountId}")
    public ServiceMount update(
            @PathParam("id") long id,
            @PathParam("mountId") long mountId,
            MountInput mount,
            @Context SecurityContext security) {
        return mounts.update(AuthFilter.caller(security), id, mountId, mount);
    }

    @DELETE
    @Path("{mountId}")
    public Response delete(
            @PathParam("id") long id, @PathParam("mountId") long mountId, @Context SecurityContext security) {
        mounts.delete(AuthFilter.caller(security), id, mountId);
        return Response.noContent().build();
    }
}
