/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * The framework's own refusals (no such path, wrong method, wrong media type) in the common error
 * shape; responses that already carry one pass through.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original != null && original.getEntity() instanceof Errors.Body) {
            return original;
        }
        int status = original == null ? 500 : original.getStatus();
        for (Errors.Status known : Errors.Status.values()) {
            if (known.code == status) {
                String code = switch (known) {
                    case NOT_FOUND -> "not_found";
                    case METHOD_NOT_ALLOWED -> "method_not_allowed";
                    case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
                    case BAD_REQUEST -> "bad_request";
                    default -> known.name().toLowerCase(java.util.Locale.ROOT);
                };
                String message = known == Errors.Status.NOT_FOUND ? "no such resource" : exception.getMessage();
                return Errors.response(known, code, message, null);
            }
        }
        return Response.status(status).build();
    }
}
