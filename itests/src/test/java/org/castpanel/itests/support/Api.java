/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A small JSON client for /api/v1, one per panel; {@link #as} binds a bearer token. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    /** The answer to one call. */
    public record Reply(int status, JsonNode body, String raw) {

        public Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + raw);
            }
            return this;
        }

        public long id() {
            return body.get("id").asLong();
        }

        public String text(String field) {
            return body.path(field).asText();
        }
    }

    /** Calls made with one credential. */
    public final class As {
        private final String token;

        As(String token) {
            this.token = token;
        }

        public Reply get(String path) {
            return Api.this.call("GET", path, null, token);
        }

        public Reply post(String path, Object body) {
            return Api.this.call("POST", path, body, token);
        }

        public Reply put(String path, Object body) {
            return Api.this.call("PUT", path, body, token);
        }

        public Reply patch(String path, Object body) {
            return Api.this.call("PATCH", path, body, token);
        }

        public Reply delete(String path) {
            return Api.this.call("DELETE", path, null, token);
        }

        public Reply call(String method, String path, Object body) {
            return Api.this.call(method, path, body, token);
        }

        /** A GET asking for answers in {@code language} (Accept-Language). */
        public Reply getIn(String path, String language) {
            return Api.this.call("GET", path, null, token, language);
        }

        public String token() {
            return token;
        }
    }

    public As as(String token) {
        return new As(token);
    }

    public As anonymous() {
        return new As(null);
    }

    /** Logs in and returns the session's calls. */
    public As login(String username, String password) {
        Reply reply = call("POST", "/auth/login", java.util.Map.of("username", username, "password", password), null)
                .expect(200);
        return new As(reply.text("token"));
    }

    /** JSON, or nothing for what is not (Jetty answers malformed requests itself, in HTML). */
    private static JsonNode parse(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    public Reply call(String method, String path, Object body, String token) {
        return call(method, path, body, token, null);
    }

    /**
     * A readiness probe: the status of an anonymous GET, or what went wrong instead, within a short
     * time-out (a probe that hangs must not use up the whole wait for the panel).
     */
    public String probe(String path, Duration timeout) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(timeout)
                    .GET()
                    .build();
            return Integer.toString(
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private Reply call(String method, String path, Object body, String token, String language) {
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            if (language != null) {
                request.header("Accept-Language", language);
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String json = body instanceof String s ? s : JSON.writeValueAsString(body);
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode parsed = raw == null || raw.isBlank() ? MissingNode.getInstance() : parse(raw);
            return new Reply(response.statusCode(), parsed, raw);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
