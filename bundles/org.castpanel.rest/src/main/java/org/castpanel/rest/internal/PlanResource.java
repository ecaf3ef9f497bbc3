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

import org.castpanel.accounts.api.PlanInput;
import org.castpanel.accounts.api.PlanService;
import org.castpanel.accounts.api.ResellerPlan;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Reseller plans. Omitted limits are unlimited; PUT replaces the whole plan. */
@Component(service = PlanResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("reseller-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {

    private final PlanService plans;

    @Activate
    public PlanResource(final @Reference PlanService plans) {
        this.plans = plans;
    }

    @GET
    public List<ResellerPlan> list(@Context SecurityContext security) {
        return plans.list(AuthFilter.caller(security));
    }

    @POST
    public Response create(PlanInput plan, @Context SecurityContext security) {
        ResellerPlan created = plans.create(AuthFilter.caller(security), plan);
        return Response.created(URI.create("reseller-plans/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    public ResellerPlan get(@PathParam("id") long id, @Context SecurityContext security) {
        return plans.get(AuthFilter.caller(security), id);
    }

    @PUT
    @Path("{id}")
    public ResellerPlan update(@PathParam("id") long id, PlanInput plan, @Context SecurityContext security) {
        return plans.update(AuthFilter.caller(security), id, plan);
    }

    /** Refused with 409 while any account has the plan. */
    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") long id, @Context SecurityContext security) {
        plans.delete(AuthFilter.caller(security), id);
    }
}
