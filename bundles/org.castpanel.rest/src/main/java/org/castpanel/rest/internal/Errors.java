/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.castpanel.core.api.CastPanelException;

import com.fasterxml.jackson.annotation.JsonInclude;

/** CastPanel's one error shape, {@code {"error": CODE, "message": text, "field": name?}}. */
final class Errors {

    /** HTTP statuses CastPanel answers with; JAX-RS 2.1's enum lacks 422 and 423. */
    enum Status {
        BAD_REQUEST(400),
        UNAUTHORIZED(401),
        FORBIDDEN(403),
        NOT_FOUND(404),
        METHOD_NOT_ALLOWED(405),
        CONFLICT(409),
        UNSUPPORTED_MEDIA_TYPE(415),
        UNPROCESSABLE(422),
        LOCKED(423),
        TOO_MANY(429),
        INTERNAL(500),
        UNAVAILABLE(503);

        final int code;

        Status(int code) {
            this.code = code;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(String error, String message, String field) {}

    private Errors() {}

    static Response response(Status status, String code, String message, String field) {
        Response.ResponseBuilder builder =
                Response.status(status.code).type(MediaType.APPLICATION_JSON).entity(new Body(code, message, field));
        if (status == Status.UNAUTHORIZED) {
            builder.header("WWW-Authenticate", "Bearer realm=\"castpanel\"");
        }
        return builder.build();
    }

    static Response of(CastPanelException e) {
        Status status = switch (e.kind()) {
            case BAD_REQUEST -> Status.BAD_REQUEST;
            case UNAUTHENTICATED -> Status.UNAUTHORIZED;
            case FORBIDDEN -> Status.FORBIDDEN;
            case NOT_FOUND -> Status.NOT_FOUND;
            case CONFLICT -> Status.CONFLICT;
            case INVALID -> Status.UNPROCESSABLE;
            case LOCKED -> Status.LOCKED;
            case TOO_MANY_REQUESTS -> Status.TOO_MANY;
        };
        Response response = response(status, e.code(), e.getMessage(), e.field());
        if (e.retryAfterSeconds() > 0) {
            response.getHeaders().putSingle("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        return response;
    }
}
