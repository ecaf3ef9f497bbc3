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
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected error, incident {}", incident, exception);
        return Errors.response(
                Errors.Status.INTERNAL,
                "internal_error",
                "unexpected error; the server log has the details under incident " + incident,
                null);
    }
}
