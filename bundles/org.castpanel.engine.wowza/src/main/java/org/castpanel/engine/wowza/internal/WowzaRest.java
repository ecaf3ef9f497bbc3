/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.wowza.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.castpanel.engine.api.RetryableEngineException;
import org.castpanel.engine.api.platform.EngineServer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Calls to one Wowza server's REST API ({@code /v2/servers/_defaultServer_/…}) with the documented
 * JSON Accept and Content-Type. Authentication: basic first (current releases); a server that
 * answers with a digest challenge (4.8.5.05 and older) is spoken to with RFC 2617 digest from then on.
 */
final class WowzaRest {

    static final String SERVER = "/v2/servers/_defaultServer_";
    static final String APPLICATIONS = SERVER + "/vhosts/_defaultVHost_/applications";
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");

    /** A server's answer. */
    record Reply(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Wowza's own words for a failure, or the status. */
        String message() {
            String message = body.path("message").asText("");
            return message.isBlank() ? "HTTP " + status : message + " (HTTP " + status + ")";
        }
    }

    /** The server did not answer: the operation may work later. */
    static final class Unreachable extends RetryableEngineException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server answered with an error. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(String message, int status) {
            super(message);
            this.status = status;
        }
    }

    /** What a server's digest challenge said, and how many requests used its nonce. */
    private record Challenge(String realm, String nonce, String opaque, boolean qop, AtomicInteger count) {}

    private final HttpClient http;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();
    /** serverId → its last digest challenge; absent: the server takes basic */
    private final Map<Long, Challenge> digest = new ConcurrentHashMap<>();

    WowzaRest(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    Reply get(EngineServer server, String path) {
        return call(server, "GET", path, null);
    }

    Reply post(EngineServer server, String path, Object body) {
        return call(server, "POST", path, body);
    }

    Reply put(EngineServer server, String path, Object body) {
        return call(server, "PUT", path, body);
    }

    Reply delete(EngineServer server, String path) {
        return call(server, "DELETE", path, null);
    }

    /** The same call, failing with {@link Refused} unless it succeeded. */
    Reply expect(Reply reply, EngineServer server, String what) {
        if (!reply.ok()) {
            throw new Refused(
                    "Wowza server " + server.name() + " refused to " + what + ": " + reply.message(), reply.status());
        }
        return reply;
    }

    private Reply call(EngineServer server, String method, String path, Object body) {
        byte[] json;
        try {
            json = body == null ? null : JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + body, e);
        }
        URI uri = URI.create(server.url().toString().replaceAll("/+$", "") + path);
        HttpResponse<byte[]> response = send(server, method, uri, json, authorization(server, method, uri));
        if (response.statusCode() == 401) {
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            if (challenge.regionMatches(true, 0, "Digest ", 0, 7)) {
                digest.put(server.id(), parse(challenge.substring(7)));
                response = send(server, method, uri, json, authorization(server, method, uri));
            }
        }
        if (response.statusCode() == 401) {
            throw new Refused(
                    "Wowza server " + server.name() + " did not accept the REST user " + server.username()
                            + ": check the credentials registered under Engines, Servers",
                    401);
        }
        return new Reply(response.statusCode(), parseBody(response.body()));
    }

    private HttpResponse<byte[]> send(EngineServer server, String method, URI uri, byte[] json, String authorization) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", JSON_TYPE);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (json != null) {
            request.header("Content-Type", JSON_TYPE).method(method, HttpRequest.BodyPublishers.ofByteArray(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unreachable("Wowza server " + server.name() + " (" + server.url() + ") does not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted calling Wowza server " + server.name(), e);
        }
    }

    private String authorization(EngineServer server, String method, URI uri) {
        if (server.username() == null || server.username().isEmpty()) {
            return null;
        }
        String password = server.password() == null ? "" : server.password();
        Challenge challenge = digest.get(server.id());
        if (challenge == null) {
            return "Basic "
                    + Base64.getEncoder()
                            .encodeToString((server.username() + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String ha1 = md5(server.username() + ":" + challenge.realm() + ":" + password);
        String ha2 = md5(method + ":" + path);
        StringBuilder header = new StringBuilder("Digest username=\"")
                .append(server.username())
                .append("\", realm=\"")
                .append(challenge.realm())
                .append("\", nonce=\"")
                .append(challenge.nonce())
                .append("\", uri=\"")
                .append(path)
                .append('"');
        if (challenge.qop()) {
            String nc = String.format("%08x", challenge.count().incrementAndGet());
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            String cnonce = HexFormat.of().formatHex(bytes);
            header.append(", qop=auth, nc=")
                    .append(nc)
                    .append(", cnonce=\"")
                    .append(cnonce)
                    .append("\", response=\"")
                    .append(md5(ha1 + ":" + challenge.nonce() + ":" + nc + ":" + cnonce + ":auth:" + ha2))
                    .append('"');
        } else {
            header.append(", response=\"")
                    .append(md5(ha1 + ":" + challenge.nonce() + ":" + ha2))
                    .append('"');
        }
        if (challenge.opaque() != null) {
            header.append(", opaque=\"").append(challenge.opaque()).append('"');
        }
        return header.append(", algorithm=MD5").toString();
    }

    private static Challenge parse(String params) {
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(params);
        while (m.find()) {
            p.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String qop = p.getOrDefault("qop", "");
        return new Challenge(
                p.getOrDefault("realm", ""),
                p.getOrDefault("nonce", ""),
                p.get("opaque"),
                java.util.Arrays.asList(qop.split("\\s*,\\s*")).contains("auth"),
                new AtomicInteger());
    }

    private static JsonNode parseBody(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
