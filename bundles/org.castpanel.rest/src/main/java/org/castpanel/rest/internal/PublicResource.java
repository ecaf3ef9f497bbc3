/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.castpanel.autodj.api.AutoDj;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** What anyone may read without logging in: a station's now playing, for its web site (GET only). */
@Component(service = PublicResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("public")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublicResource {

    private final AutoDj autodj;

    @Activate
    public PublicResource(final @Reference AutoDj autodj) {
        this.autodj = autodj;
    }
    /** For anyone, e.g. a widget on the station's web site; cacheable for a few seconds. */
    @GET
    @Path("services/{id}/now-playing")
    public Response publicNowPlaying(@PathParam("id") long id) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(5);
        return Response.ok(autodj.publicNowPlaying(id))
                .cacheControl(cache)
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }
}
