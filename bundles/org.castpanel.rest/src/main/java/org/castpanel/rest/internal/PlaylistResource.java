/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
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
import org.castpanel.autodj.api.Playlist;
import org.castpanel.autodj.api.PlaylistInput;
import org.castpanel.autodj.api.ScheduledShow;
import org.castpanel.core.api.CastPanelException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** An AutoDJ service's playlists. Another tenant's service answers 404, a service of another type 409. */
@Component(service = PlaylistResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("services/{id}/playlists")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlaylistResource {

    private final AutoDj autodj;

    @Activate
    public PlaylistResource(final @Reference AutoDj autodj) {
        this.autodj = autodj;
    }

    @GET
    public List<Playlist> playlists(@PathParam("id") long id, @Context SecurityContext security) {
        return autodj.playlists(AuthFilter.caller(security), id);
    }

    /** A new playlist: a name and its entries (library folders or tracks); the rest has defaults. */
    @POST
    public Response create(@PathParam("id") long id, PlaylistInput input, @Context SecurityContext security) {
        Playlist created = autodj.create(AuthFilter.caller(security), id, input);
        return Response.created(URI.create("services/" + id + "/playlists/" + created.id()))
                .entity(created)
                .build();
    }

    /**
     * The shows of the scheduled playlists for a calendar: those overlapping the {@code days}
     * (1-42, default 7) from the start of {@code from} ({@code yyyy-MM-dd}, default today), in the
     * panel's time zone.
     */
    @GET
    @Path("schedule")
    public List<ScheduledShow> schedule(
            @PathParam("id") long id,
            @QueryParam("from") String from,
            @QueryParam("days") @DefaultValue("7") String days,
            @Context SecurityContext security) {
        LocalDate first = null;
        if (from != null && !from.isBlank()) {
            try {
                first = LocalDate.parse(from);
            } catch (DateTimeParseException e) {
                throw CastPanelException.invalid("from", "from must be a date as yyyy-MM-dd");
            }
        }
        if (!days.matches("\\d{1,2}")) {
            throw CastPanelException.invalid("days", "days must be 1-42");
        }
        return autodj.schedule(AuthFilter.caller(security), id, first, Integer.parseInt(days));
    }

    @GET
    @Path("{playlistId}")
    public Playlist playlist(
            @PathParam("id") long id, @PathParam("playlistId") long playlistId, @Context SecurityContext security) {
        return autodj.playlist(AuthFilter.caller(security), id, playlistId);
    }

    /** Changes what is given; what is left out stays as it was. */
    @PATCH
    @Path("{playlistId}")
    public Playlist update(
            @PathParam("id") long id,
            @PathParam("playlistId") long playlistId,
            PlaylistInput input,
            @Context SecurityContext security) {
        return autodj.update(AuthFilter.caller(security), id, playlistId, input);
    }

    @DELETE
    @Path("{playlistId}")
    public Response delete(
            @PathParam("id") long id, @PathParam("playlistId") long playlistId, @Context SecurityContext security) {
        autodj.delete(AuthFilter.caller(security), id, playlistId);
        return Response.noContent().build();
    }
}
