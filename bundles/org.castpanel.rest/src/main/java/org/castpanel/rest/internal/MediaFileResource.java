/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.castpanel.core.api.CastPanelException;
import org.castpanel.media.api.Cover;
import org.castpanel.media.api.MediaFile;
import org.castpanel.media.api.MediaFileChanges;
import org.castpanel.media.api.MediaLibrary;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** One file of a library: its metadata (editable), its content and its cover art. */
@Component(service = MediaFileResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@javax.ws.rs.Path("media/{fileId}")
public class MediaFileResource {

    private final MediaLibrary library;

    @Activate
    public MediaFileResource(final @Reference MediaLibrary library) {
        this.library = library;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public MediaFile get(@PathParam("fileId") long fileId, @Context SecurityContext security) {
        return library.get(AuthFilter.caller(security), fileId);
    }

    /** Edits tags (kept in the panel; the file stays as uploaded), renames or moves the file. */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public MediaFile update(
            @PathParam("fileId") long fileId, MediaFileChanges changes, @Context SecurityContext security) {
        if (changes == null) {
            throw CastPanelException.badRequest("body", "a JSON body is needed");
        }
        return library.update(AuthFilter.caller(security), fileId, changes);
    }

    @DELETE
    public Response delete(@PathParam("fileId") long fileId, @Context SecurityContext security) {
        library.delete(AuthFilter.caller(security), fileId);
        return Response.noContent().build();
    }

    /** The file as uploaded, for a download or a preview in the browser. */
    @GET
    @javax.ws.rs.Path("content")
    @Produces({"audio/*", "video/*", MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public Response content(@PathParam("fileId") long fileId, @Context SecurityContext security) {
        MediaFile meta = library.get(AuthFilter.caller(security), fileId);
        Path file = library.file(AuthFilter.caller(security), fileId);
        StreamingOutput body = out -> Files.copy(file, out);
        String disposition = "attachment; filename*=UTF-8''"
                + java.net.URLEncoder.encode(meta.name(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
        return Response.ok(body, contentType(meta))
                .header("Content-Disposition", disposition)
                .header("Content-Length", file.toFile().length())
                .build();
    }

    /** The cover art embedded in the file; 404 when it has none. */
    @GET
    @javax.ws.rs.Path("cover")
    @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    public Response cover(@PathParam("fileId") long fileId, @Context SecurityContext security) {
        Cover cover = library.cover(AuthFilter.caller(security), fileId)
                .orElseThrow(() -> CastPanelException.notFound("cover art of media file", fileId));
        return Response.ok(cover.data(), cover.contentType())
                .header("Cache-Control", "private, max-age=3600")
                .build();
    }

    static String contentType(MediaFile file) {
        String codec = file.codec() == null ? "" : file.codec();
        String format = file.format() == null ? "" : file.format();
        if (file.kind().equals("audio")) {
            return switch (codec) {
                case "mp3" -> "audio/mpeg";
                case "aac" -> format.equals("aac") ? "audio/aac" : "audio/mp4";
                case "vorbis", "opus" -> format.equals("matroska") ? "audio/webm" : "audio/ogg";
                case "flac" -> "audio/flac";
                default -> MediaType.APPLICATION_OCTET_STREAM;
            };
        }
        return switch (format) {
            case "mov", "mp4" -> "video/mp4";
            case "matroska" -> "video/x-matroska";
            case "webm" -> "video/webm";
            case "mpegts" -> "video/mp2t";
            case "flv" -> "video/x-flv";
            default -> MediaType.APPLICATION_OCTET_STREAM;
        };
    }
}
