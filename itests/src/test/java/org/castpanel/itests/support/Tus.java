/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A tus 1.0 client as plain as the protocol: what the web UI's tus-js-client sends, by hand. */
public final class Tus {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer: status, the headers tus cares about, the body (an error's JSON). */
    public record Reply(int status, String location, long offset, String mediaId, String body) {}

    private final String base;
    private final String token;

    public Tus(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public Reply create(long accountId, String folder, String name, long length) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("accountId", Long.toString(accountId));
        meta.put("filename", name);
        if (folder != null) {
            meta.put("folder", folder);
        }
        return create(length, metadata(meta));
    }

    public Reply create(long length, String metadataHeader) {
        return send(request(base + "/uploads")
                .header("Upload-Length", Long.toString(length))
                .header("Upload-Metadata", metadataHeader)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Reply patch(String upload, long offset, byte[] bytes) {
        return send(request(upload)
                .header("Upload-Offset", Long.toString(offset))
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    public Reply head(String upload) {
        return send(request(upload).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    public Reply delete(String upload) {
        return send(request(upload).DELETE());
    }

    /** Uploads a whole file in one PATCH; the reply of that PATCH. */
    public Reply upload(long accountId, String folder, String name, byte[] bytes) {
        Reply created = create(accountId, folder, name, bytes.length);
        if (created.status() != 201) {
            return created;
        }
        return patch(created.location(), 0, bytes);
    }

    /**
     * Starts a PATCH that announces all of {@code bytes} but sends only the first {@code sent},
     * then drops the connection, as a browser does when the network goes away.
     */
    public void patchAndDrop(String upload, byte[] bytes, int sent) throws IOException {
        URI uri = URI.create(upload);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            String head = "PATCH " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n"
                    + "Content-Type: application/offset+octet-stream\r\nContent-Length: " + bytes.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, sent);
            out.flush();
        }
    }

    public static String metadata(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + " "
                        + Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.joining(","));
    }

    private HttpRequest.Builder request(String uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(60))
                .header("Tus-Resumable", "1.0.0");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    r.statusCode(),
                    r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("Upload-Offset").map(Long::parseLong).orElse(-1L),
                    r.headers().firstValue("CastPanel-Media-Id").orElse(null),
                    r.body());
        } catch (IOException e) {
            throw new AssertionError("tus request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
