/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.core.api;

/**
 * A refusal the caller can act on. {@link #code()} is the stable machine-readable error code the
 * REST API returns next to the message; {@link #field()} names the offending input field, if any.
 */
public class CastPanelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final String code;
    private final String field;
    private long retryAfterSeconds;

    /** The class of refusal; the REST layer maps each to its HTTP status. */
    public enum Kind {
        BAD_REQUEST,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT,
        INVALID,
        LOCKED,
        TOO_MANY_REQUESTS
    }

    public CastPanelException(Kind kind, String code, String message, String field) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    public static CastPanelException invalid(String field, String message) {
        return new CastPanelException(Kind.INVALID, "invalid", message, field);
    }

    public static CastPanelException notFound(String what, Object id) {
        return new CastPanelException(Kind.NOT_FOUND, "not_found", what + " " + id + " not found", null);
    }

    public static CastPanelException forbidden(String message) {
        return new CastPanelException(Kind.FORBIDDEN, "forbidden", message, null);
    }

    public static CastPanelException conflict(String message) {
        return new CastPanelException(Kind.CONFLICT, "conflict", message, null);
    }

    public static CastPanelException conflict(String field, String message) {
        return new CastPanelException(Kind.CONFLICT, "conflict", message, field);
    }

    public static CastPanelException unauthenticated(String message) {
        return new CastPanelException(Kind.UNAUTHENTICATED, "unauthenticated", message, null);
    }

    public static CastPanelException badRequest(String field, String message) {
        return new CastPanelException(Kind.BAD_REQUEST, "bad_request", message, field);
    }

    /** Too many requests now (HTTP 429); the caller may try again after the given number of seconds. */
    public static CastPanelException tooMany(String message, long retryAfterSeconds) {
        CastPanelException e = new CastPanelException(Kind.TOO_MANY_REQUESTS, "too_many_requests", message, null);
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    /** When a TOO_MANY_REQUESTS or LOCKED refusal may be retried, in seconds; 0 when not said. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The same refusal with a retry hint. */
    public CastPanelException retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
