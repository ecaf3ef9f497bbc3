/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.castpanel.core.api.CastPanelException;
import org.castpanel.services.api.ServiceControls;
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

    /** The track to put next. */
    public record QueueBody(Long trackId) {}

    private final SongRequests requests;
    private final AutoDj autodj;
    private final ServiceControls controls;

    @Activate
    public PlayoutResource(
            final @Reference AutoDj autodj,
            final @Reference SongRequests requests,
            final @Reference ServiceControls controls) {
        this.requests = requests;
        this.autodj = autodj;
        this.controls = controls;
    }

    /** Ends the track on the air now; the AutoDJ plays its next (409 while the station is stopped or a DJ is live). */
    @POST
    @Path("skip")
    public Response skip(@PathParam("id") long id, @Context SecurityContext security) {
        controls.skipTrack(AuthFilter.caller(security), id);
        return Response.noContent().build();
    }

    /**
     * Puts a track of the owner's library next, before listeners' requests and the playlists; it
     * shows among the requests ({@code queued}) and is dropped like one.
     */
    @POST
    @Path("queue")
    public Response queue(@PathParam("id") long id, QueueBody body, @Context SecurityContext security) {
        if (body == null || body.trackId() == null) {
            throw CastPanelException.invalid("trackId", "trackId is required");
        }
        SongRequest queued = requests.queue(AuthFilter.caller(security), id, body.trackId());
        return Response.created(URI.create("services/" + id + "/playout/requests/" + queued.id()))
                .entity(queued)
                .build();
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

    /** Listeners' requests and queued tracks: those waiting, then the last 50 chosen. */
    @GET
    @Path("requests")
    public List<SongRequest> requests(@PathParam("id") long id, @Context SecurityContext security) {
        return requests.list(AuthFilter.caller(security), id);
    }

    /** Drops a waiting request or queued track. */
    @DELETE
    @Path("requests/{requestId}")
    public Response discard(
            @PathParam("id") long id, @PathParam("requestId") long requestId, @Context SecurityContext security) {
        requests.discard(AuthFilter.caller(security), id, requestId);
        return Response.noContent().build();
    }
}
