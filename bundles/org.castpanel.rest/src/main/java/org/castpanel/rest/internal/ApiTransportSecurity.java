/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.net.URI;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * The REST API's side of the HTTPS settings (PID {@code org.castpanel.http}, described by the
 * web UI bundle, which applies them to its pages): HSTS on HTTPS answers, and when turned on a 308
 * to HTTPS for plain-HTTP calls from other machines; calls from this machine (engine callbacks,
 * local scripts) stay on HTTP.
 *
 * <p>
 * It has no configuration of its own: Declarative Services puts a component's configuration into
 * its service properties, and a JAX-RS extension whose properties change makes the whiteboard
 * redeploy the whole API (seconds without routes after a boot). The settings live in
 * {@link Settings}.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@PreMatching
public class ApiTransportSecurity implements ContainerRequestFilter, ContainerResponseFilter {

    /** The settings this side reads; their descriptions live with the web UI's filter. */
    public @interface Config {
        boolean redirectToHttps() default false;

        int httpsPort() default 8443;

        long hstsMaxAgeSeconds() default 31_536_000L;
    }

    /** Holds the settings, so that their arrival or change leaves the extension's registration alone. */
    @Component(service = Settings.class, configurationPid = "org.castpanel.http")
    public static class Settings {
        private volatile Config config;

        @Activate
        public Settings(final Config config) {
            this.config = config;
        }

        @Modified
        void modified(Config config) {
            this.config = config;
        }

        Config get() {
            return config;
        }
    }

    private final Settings settings;

    @Context
    private HttpServletRequest request;

    @Activate
    public ApiTransportSecurity(final @Reference Settings settings) {
        this.settings = settings;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        Config c = settings.get();
        String remote = request == null ? null : request.getRemoteAddr();
        if (c.redirectToHttps()
                && !context.getSecurityContext().isSecure()
                && remote != null
                && !ClientAddress.loopback(remote)) {
            URI https = UriBuilder.fromUri(context.getUriInfo().getRequestUri())
                    .scheme("https")
                    .port(c.httpsPort())
                    .build();
            context.abortWith(Response.status(308).location(https).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        long maxAge = settings.get().hstsMaxAgeSeconds();
        if (request.getSecurityContext().isSecure() && maxAge > 0) {
            response.getHeaders().putSingle("Strict-Transport-Security", "max-age=" + maxAge);
        }
    }
}
