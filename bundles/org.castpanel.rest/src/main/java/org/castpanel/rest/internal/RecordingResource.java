/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.castpanel.services.api.Recording;
import org.castpanel.services.api.ServiceRecordings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Recordings of a media service (engines that record): list, download, delete. */
@Component(service = RecordingResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@javax.ws.rs.Path("services/{id}/recordings")
public class RecordingResource {

    private final ServiceRecordings recordings;

    @Activate
    public RecordingResource(final @Reference ServiceRecordings recordings) {
        this.recordings = recordings;
    }

    /** Newest first: name, size in bytes, when it was finished. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Recording> list(@PathParam("id") long id, @Context SecurityContext security) {
        return recordings.list(AuthFilter.caller(security), id);
    }

    /** The recording's file, as a download. */
    @GET
    @javax.ws.rs.Path("{name}")
    @Produces({"video/x-flv", "video/mp4", MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public Response download(
            @PathParam("id") long id, @PathParam("name") String name, @Context SecurityContext security) {
        Path file = recordings.file(AuthFilter.caller(security), id, name);
        StreamingOutput body = out -> Files.copy(file, out);
        String type = name.endsWith(".mp4")
                ? "video/mp4"
                : name.endsWith(".flv") ? "video/x-flv" : MediaType.APPLICATION_OCTET_STREAM;
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Content-Length", file.toFile().length())
                .build();
    }

    @DELETE
    @javax.ws.rs.Path("{name}")
    public Response delete(
            @PathParam("id") long id, @PathParam("name") String name, @Context SecurityContext security) {
        recordings.delete(AuthFilter.caller(security), id, name);
        return Response.noContent().build();
    }
}
