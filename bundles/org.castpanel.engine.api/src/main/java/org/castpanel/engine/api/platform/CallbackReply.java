/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api.platform;

import java.util.Map;

/** What the daemon gets back: a status, headers and a text body (may be empty). */
public record CallbackReply(int status, Map<String, String> headers, String body) {

    public CallbackReply {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public static CallbackReply ok() {
        return new CallbackReply(200, Map.of(), "");
    }

    public static CallbackReply text(String body) {
        return new CallbackReply(200, Map.of("Content-Type", "text/plain; charset=utf-8"), body);
    }

    /** 302 with a Location: nginx-rtmp takes a publish redirect as the stream's new name. */
    public static CallbackReply redirect(String location) {
        return new CallbackReply(302, Map.of("Location", location), "");
    }

    public static CallbackReply forbidden() {
        return new CallbackReply(403, Map.of(), "");
    }

    public static CallbackReply notFound() {
        return new CallbackReply(404, Map.of(), "");
    }
}
