/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.webui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the built single-page app from this bundle at {@code /}: files with an extension as they
 * are (hashed assets cached for a year), every other path the app's {@code index.html}, so that a
 * reload on {@code /services/42} works. The REST API's longer {@code /api/v1/*} pattern wins over
 * this one.
 */
@Component(
        service = Servlet.class,
        property = {"osgi.http.whiteboard.servlet.pattern=/*", "osgi.http.whiteboard.servlet.name=castpanel-webui"})
public class WebUiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of(
            "js",
            "text/javascript",
            "css",
            "text/css",
            "html",
            "text/html; charset=utf-8",
            "svg",
            "image/svg+xml",
            "png",
            "image/png",
            "ico",
            "image/x-icon",
            "woff2",
            "font/woff2",
            "json",
            "application/json",
            "map",
            "application/json");

    private final transient Bundle bundle;

    @Activate
    public WebUiServlet(BundleContext context) {
        this.bundle = context.getBundle();
    }

    /**
     * The UI's files are only read: any other method (a PATCH whose path left /api/v1 through
     * encoded dots, say) is 405, not HttpServlet's 501 for methods it does not know.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws javax.servlet.ServletException, IOException {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            super.service(request, response);
            return;
        }
        securityHeaders(response);
        response.setHeader("Allow", "GET, HEAD");
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String last = path.substring(path.lastIndexOf('/') + 1);
        securityHeaders(response);
        if (path.contains("..") || path.contains("\\")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (last.contains(".")) {
            URL file = bundle.getEntry("webui" + path);
            if (file == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            String extension = last.substring(last.lastIndexOf('.') + 1);
            response.setContentType(TYPES.getOrDefault(extension, "application/octet-stream"));
            response.setHeader(
                    "Cache-Control", path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
            send(file, response);
            return;
        }
        URL index = bundle.getEntry("webui/index.html");
        if (index == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "the web UI was not built into this bundle");
            return;
        }
        response.setContentType(TYPES.get("html"));
        response.setHeader("Cache-Control", "no-cache");
        send(index, response);
    }

    private static void securityHeaders(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        // Element Plus sets inline styles; scripts come only from here
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'");
    }

    private static void send(URL file, HttpServletResponse response) throws IOException {
        try (InputStream in = file.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
