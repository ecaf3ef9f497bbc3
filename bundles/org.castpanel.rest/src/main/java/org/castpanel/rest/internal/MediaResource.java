/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.net.URI;
import java.util.Map;

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

import org.castpanel.core.api.CastPanelException;
import org.castpanel.media.api.LibraryUsage;
import org.castpanel.media.api.MediaLibrary;
import org.castpanel.media.api.MediaListing;
import org.castpanel.media.api.MediaQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * A customer's media library: one folder at a time or a search, folders, usage against the
 * quota, a rescan. Another tenant's library answers 404.
 */
@Component(service = MediaResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("accounts/{id}/media")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MediaResource {

    /** A folder to create or delete, by its path in the library ("Rock/80s"). */
    public record FolderInput(String path) {}

    /** A folder to rename or move: its path now and its new path. */
    public record FolderMove(String from, String to) {}

    private final MediaLibrary library;

    @Activate
    public MediaResource(final @Reference MediaLibrary library) {
        this.library = library;
    }

    /**
     * The sub-folders and a page of the files of {@code folder} (the top when empty); with
     * {@code q}, the files of the whole library whose title, artist, album or file name contain it.
     */
    @GET
    public MediaListing list(
            @PathParam("id") long id,
            @QueryParam("folder") String folder,
            @QueryParam("q") String q,
            @QueryParam("sort") String sort,
            @QueryParam("desc") @DefaultValue("false") boolean descending,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size,
            @Context SecurityContext security) {
        return library.list(AuthFilter.caller(security), id, new MediaQuery(folder, q, sort, descending, page, size));
    }

    /** Disk used by the library and the account's recordings, against its quota. */
    @GET
    @Path("usage")
    public LibraryUsage usage(@PathParam("id") long id, @Context SecurityContext security) {
        return library.usage(AuthFilter.caller(security), id);
    }

    @POST
    @Path("folders")
    public Response createFolder(@PathParam("id") long id, FolderInput input, @Context SecurityContext security) {
        String path = library.createFolder(
                AuthFilter.caller(security), id, required(input).path());
        return Response.created(URI.create("accounts/" + id + "/media?folder=" + path.replace(" ", "%20")))
                .entity(Map.of("path", path))
                .build();
    }

    /** Renames or moves a folder with everything in it. */
    @POST
    @Path("folders/move")
    public Map<String, String> moveFolder(
            @PathParam("id") long id, FolderMove move, @Context SecurityContext security) {
        FolderMove m = required(move);
        return Map.of("path", library.moveFolder(AuthFilter.caller(security), id, m.from(), m.to()));
    }

    /** Deletes a folder and every file in it. */
    @DELETE
    @Path("folders")
    public Response deleteFolder(
            @PathParam("id") long id, @QueryParam("path") String path, @Context SecurityContext security) {
        if (path == null) {
            throw CastPanelException.badRequest("path", "say which folder: ?path=");
        }
        library.deleteFolder(AuthFilter.caller(security), id, path);
        return Response.noContent().build();
    }

    /** Brings the index in line with the files (after changes made outside the panel). */
    @POST
    @Path("rescan")
    public MediaLibrary.RescanResult rescan(@PathParam("id") long id, @Context SecurityContext security) {
        return library.rescan(AuthFilter.caller(security), id);
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw CastPanelException.badRequest("body", "a JSON body is needed");
        }
        return body;
    }
}
