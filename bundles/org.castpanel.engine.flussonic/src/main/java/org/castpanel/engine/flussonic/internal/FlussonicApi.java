/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.flussonic.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.castpanel.engine.api.RetryableEngineException;
import org.castpanel.engine.api.platform.EngineServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Calls to one Flussonic server's API v3 ({@code /streamer/api/v3/streams}), authenticated with
 * the registered edit credentials as HTTP Basic.
 */
final class FlussonicApi {

    static final String STREAMS = "/streamer/api/v3/streams";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The server's answer; {@link #problem} is Flussonic's own words for a failure. */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String problem() {
            String title = body.path("errors").path(0).path("title").asText("");
            return title.isBlank() ? "HTTP " + status : title + " (HTTP " + status + ")";
        }
    }

    /** The server did not answer; trying later may work. */
    static final class Unreachable extends RetryableEngineException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    FlussonicApi(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    Answer call(EngineServer server, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(server.url().toString().replaceAll("/+$", "") + path))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (server.username() != null && !server.username().isEmpty()) {
            String pair = server.username() + ":" + (server.password() == null ? "" : server.password());
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new IllegalStateException("Flussonic server " + server.name() + " did not accept the edit user "
                        + server.username() + ": check the credentials registered under Engines, Servers");
            }
            JsonNode parsed = response.body().length == 0 ? MissingNode.getInstance() : parse(response.body());
            return new Answer(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new Unreachable(
                    "Flussonic server " + server.name() + " (" + server.url() + ") does not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted calling Flussonic server " + server.name(), e);
        }
    }

    /** The answer, or an exception naming what the server refused and why. */
    Answer expect(Answer answer, EngineServer server, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(
                    "Flussonic server " + server.name() + " refused to " + what + ": " + answer.problem());
        }
        return answer;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
