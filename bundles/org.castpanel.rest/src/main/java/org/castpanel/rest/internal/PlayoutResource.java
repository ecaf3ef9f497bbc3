/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.castpanel.autodj.api.AutoDj;
import org.castpanel.autodj.api.NowPlaying;
import org.castpanel.autodj.api.PlayedTrack;
import org.castpanel.autodj.api.SongRequest;
import org.castpanel.autodj.api.SongRequests;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** What an AutoDJ service played and plays now. Another tenant's service answers 404, a service of another type 409. */
@Component(service = PlayoutResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("services/{id}/playout")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlayoutResource {

    private final SongRequests requests;

    private final AutoDj autodj;

    @Activate
    public PlayoutResource(final @Reference AutoDj autodj, final @Reference SongRequests requests) {
        this.requests = requests;
        this.autodj = autodj;
    }
    /** The tracks the station was given, newest first. */
    @GET
    @Path("history")
    public List<PlayedTrack> history(
            @PathParam("id") long id,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @Context SecurityContext security) {
        return autodj.history(AuthFilter.caller(security), id, limit);
    }

    @GET
    @Path("now-playing")
    public NowPlaying nowPlaying(@PathParam("id") long id, @Context SecurityContext security) {
        return autodj.nowPlaying(AuthFilter.caller(security), id);
    }

    /** Listeners' requests: those waiting, then the last 50 chosen. */
    @GET
    @Path("requests")
    public List<SongRequest> requests(@PathParam("id") long id, @Context SecurityContext security) {
        return requests.list(AuthFilter.caller(security), id);
    }

    /** Drops a waiting request. */
    @DELETE
    @Path("requests/{requestId}")
    public Response discard(
            @PathParam("id") long id, @PathParam("requestId") long requestId, @Context SecurityContext security) {
        requests.discard(AuthFilter.caller(security), id, requestId);
        return Response.noContent().build();
    }
}
