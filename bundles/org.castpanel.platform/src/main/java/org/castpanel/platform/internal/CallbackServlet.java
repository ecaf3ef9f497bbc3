/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.platform.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.castpanel.engine.api.platform.CallbackReply;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The HTTP side of the plugins' callback endpoint, at {@code /castpanel-callbacks/*} (no
 * configuration of its own: a configured whiteboard servlet would be redeployed when it arrives).
 */
@Component(
        service = Servlet.class,
        property = {
            "osgi.http.whiteboard.servlet.pattern=" + CallbackRoutes.PATH + "/*",
            "osgi.http.whiteboard.servlet.name=castpanel-callbacks"
        })
public class CallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient CallbacksImpl callbacks;

    @Activate
    public CallbackServlet(final @Reference CallbacksImpl callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
        CallbackReply reply = callbacks
                .routes()
                .dispatch(request.getPathInfo(), request.getMethod(), parameters, request.getRemoteAddr());
        response.setStatus(reply.status());
        reply.headers().forEach(response::setHeader);
        if (!reply.body().isEmpty()) {
            response.getWriter().write(reply.body());
        }
    }
}
