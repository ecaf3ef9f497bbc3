/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.castpanel.core.api.CastPanelException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/** Refusals from the core become their HTTP status in the common error shape. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
public class CastPanelExceptionMapper implements ExceptionMapper<CastPanelException> {

    @Override
    public Response toResponse(CastPanelException exception) {
        return Errors.of(exception);
    }
}
