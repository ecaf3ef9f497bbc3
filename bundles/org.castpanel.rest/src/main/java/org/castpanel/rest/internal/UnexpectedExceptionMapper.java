/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.util.UUID;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A bug or an outage: logged with an incident id, which is all the client is told. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(RuntimeException exception) {
        if (databaseUnreachable(exception)) {
            LOG.warn("The database is not reachable: {}", exception.getMessage());
            return Errors.response(
                    Errors.Status.UNAVAILABLE,
                    "unavailable",
                    "the database is not reachable right now; nothing was changed, try again in a moment",
                    null);
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected error, incident {}", incident, exception);
        return Errors.response(
                Errors.Status.INTERNAL,
                "internal_error",
                "unexpected error; the server log has the details under incident " + incident,
                null);
    }

    /**
     * Whether a failure is the database being away (the pool found no connection within its
     * timeout, or the connection broke): SQL state class 08, or a connection exception anywhere in
     * the causes. Such a request changed nothing, since its transaction never committed.
     */
    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException
                    || (t instanceof java.sql.SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
