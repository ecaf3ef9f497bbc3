/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.net.URI;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.castpanel.autodj.api.AutoDj;
import org.castpanel.autodj.api.RequestableTrack;
import org.castpanel.autodj.api.SongRequest;
import org.castpanel.autodj.api.SongRequests;
import org.castpanel.core.api.CastPanelException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * What anyone may reach without logging in, for a station's web site: its now playing, and song
 * requests when the station takes them (the only public POST).
 */
@Component(service = PublicResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("public")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublicResource {

    /** A listener's request: the id of a track from {@code requests/tracks}. */
    public record RequestBody(Long trackId) {}

    private final AutoDj autodj;
    private final SongRequests requests;
    private final ClientAddress addresses;

    @Activate
    public PublicResource(
            final @Reference AutoDj autodj,
            final @Reference SongRequests requests,
            final @Reference ClientAddress addresses) {
        this.autodj = autodj;
        this.requests = requests;
        this.addresses = addresses;
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

    /** The tracks a listener may request (search {@code q}: title, artist, album); 404 while requests are off. */
    @GET
    @Path("services/{id}/requests/tracks")
    public Response requestable(@PathParam("id") long id, @QueryParam("q") String q) {
        List<RequestableTrack> tracks = requests.requestable(id, q);
        return Response.ok(tracks).header("Access-Control-Allow-Origin", "*").build();
    }

    /** A listener requests a track: 201, or 404/409/429 saying why not. */
    @POST
    @Path("services/{id}/requests")
    public Response request(@PathParam("id") long id, RequestBody body, @Context HttpServletRequest servletRequest) {
        if (body == null || body.trackId() == null) {
            throw CastPanelException.invalid("trackId", "trackId is required");
        }
        SongRequest made = requests.request(id, body.trackId(), addresses.of(servletRequest));
        return Response.created(URI.create("public/services/" + id + "/requests/" + made.id()))
                .entity(made)
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }
}
