/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.OPTIONS;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.castpanel.core.api.CastPanelException;
import org.castpanel.media.api.MediaUploads;
import org.castpanel.media.api.Upload;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Resumable uploads into a media library over the tus 1.0.0 protocol (core, creation and
 * termination), so any tus client (tus-js-client in the web UI, tusd's clients, curl by hand)
 * can upload and resume after a dropped connection. Create with {@code POST /uploads},
 * {@code Upload-Length} and {@code Upload-Metadata} with {@code accountId}, {@code filename} and
 * optionally {@code folder}; send bytes with {@code PATCH} at {@code Upload-Offset}; ask for the
 * offset with {@code HEAD}. A finished upload is probed: a file the engines cannot play answers
 * 422 and is not stored.
 */
@Component(service = UploadResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("uploads")
public class UploadResource {

    static final String TUS_VERSION = "1.0.0";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    private final MediaUploads uploads;

    @Activate
    public UploadResource(final @Reference MediaUploads uploads) {
        this.uploads = uploads;
    }

    /** What this server speaks (tus discovery). */
    @OPTIONS
    public Response options() {
        return Response.noContent()
                .header("Tus-Resumable", TUS_VERSION)
                .header("Tus-Version", TUS_VERSION)
                .header("Tus-Extension", "creation,termination")
                .header("Tus-Max-Size", uploads.maxBytes())
                .build();
    }

    /**
     * Starts an upload. The disk quota is checked now for the whole length: a file that does not
     * fit answers 422 naming the quota and what is left, before any byte is sent.
     */
    @POST
    public Response create(
            @HeaderParam("Tus-Resumable") String tus,
            @HeaderParam("Upload-Length") String length,
            @HeaderParam("Upload-Metadata") String metadata,
            @Context UriInfo uri,
            @Context SecurityContext security) {
        requireTus(tus);
        Map<String, String> meta = metadata(metadata);
        long accountId;
        try {
            accountId = Long.parseLong(meta.getOrDefault("accountId", ""));
        } catch (NumberFormatException e) {
            throw CastPanelException.badRequest("Upload-Metadata", "accountId (base64 of the account's id) is needed");
        }
        if (!meta.containsKey("filename")) {
            throw CastPanelException.badRequest("Upload-Metadata", "filename (base64 of the file's name) is needed");
        }
        Upload upload = uploads.create(
                AuthFilter.caller(security),
                accountId,
                meta.get("folder"),
                meta.get("filename"),
                number("Upload-Length", length, "the file's length in bytes is needed"));
        return Response.created(uri.getBaseUriBuilder()
                        .path("uploads")
                        .path(upload.id())
                        .build())
                .header("Tus-Resumable", TUS_VERSION)
                .header("Upload-Offset", 0)
                .build();
    }

    /** How far an upload has come: the offset to resume from. */
    @HEAD
    @Path("{uploadId}")
    public Response offset(
            @PathParam("uploadId") String uploadId,
            @HeaderParam("Tus-Resumable") String tus,
            @Context SecurityContext security) {
        requireTus(tus);
        Upload upload = uploads.get(AuthFilter.caller(security), uploadId);
        return Response.ok()
                .header("Tus-Resumable", TUS_VERSION)
                .header("Upload-Offset", upload.offsetBytes())
                .header("Upload-Length", upload.lengthBytes())
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The upload as JSON (for API users): where it goes, its length and offset. */
    @GET
    @Path("{uploadId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Upload get(@PathParam("uploadId") String uploadId, @Context SecurityContext security) {
        return uploads.get(AuthFilter.caller(security), uploadId);
    }

    /** Appends bytes at the upload's current offset; the last ones put the file into the library. */
    @PATCH
    @Path("{uploadId}")
    @Consumes(OFFSET_OCTET_STREAM)
    public Response append(
            @PathParam("uploadId") String uploadId,
            @HeaderParam("Tus-Resumable") String tus,
            @HeaderParam("Upload-Offset") String offset,
            InputStream body,
            @Context SecurityContext security) {
        requireTus(tus);
        long at = number("Upload-Offset", offset, "the offset the bytes start at is needed");
        Upload upload = uploads.append(AuthFilter.caller(security), uploadId, at, body);
        Response.ResponseBuilder response =
                Response.noContent().header("Tus-Resumable", TUS_VERSION).header("Upload-Offset", upload.offsetBytes());
        if (upload.file() != null) {
            response.header("CastPanel-Media-Id", upload.file().id());
        }
        return response.build();
    }

    /** Abandons an upload and deletes what it received (tus termination). */
    @DELETE
    @Path("{uploadId}")
    public Response cancel(
            @PathParam("uploadId") String uploadId,
            @HeaderParam("Tus-Resumable") String tus,
            @Context SecurityContext security) {
        requireTus(tus);
        uploads.cancel(AuthFilter.caller(security), uploadId);
        return Response.noContent().header("Tus-Resumable", TUS_VERSION).build();
    }

    private static void requireTus(String tus) {
        if (!TUS_VERSION.equals(tus)) {
            throw new javax.ws.rs.WebApplicationException(Response.status(412)
                    .header("Tus-Version", TUS_VERSION)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new Errors.Body(
                            "precondition_failed", "send Tus-Resumable: " + TUS_VERSION, "Tus-Resumable"))
                    .build());
        }
    }

    /** A header that holds a number of bytes; 400 naming it when it is missing or not a number. */
    private static long number(String header, String value, String missing) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw CastPanelException.badRequest(header, missing);
        }
    }

    /** tus metadata: comma-separated "key base64value" pairs. */
    static Map<String, String> metadata(String header) {
        Map<String, String> values = new HashMap<>();
        if (header == null || header.isBlank()) {
            return values;
        }
        for (String pair : header.split(",")) {
            String[] kv = pair.strip().split(" ", 2);
            try {
                values.put(
                        kv[0],
                        kv.length < 2
                                ? ""
                                : new String(Base64.getDecoder().decode(kv[1].strip()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw CastPanelException.badRequest("Upload-Metadata", "the value of '" + kv[0] + "' is not base64");
            }
        }
        return values;
    }
}
